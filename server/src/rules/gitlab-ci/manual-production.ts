import type { Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { jobValue, jobsHere, jobWhen } from './model/job-config';
import { pipelineOf, type Pipeline } from './model/pipeline';
import { text, type Located } from './model/yaml-resolve';

/** Environment names that mean production: `production`, `prod`, `live`, alone or as the first part (`production/eu`). */
const PRODUCTION = /^(production|prod|live)($|[/_.-])/i;
/** Environment actions that do not deploy anything. */
const NON_DEPLOYING = new Set(['stop', 'prepare', 'verify', 'access']);

export const manualProduction: Rule<'gitlab-ci'> = {
  id: 'gitlab-ci/manual-production',
  kind: 'gitlab-ci',
  defaultSeverity: 'warning',
  docs: { summary: 'Production deploys need a human gate: when: manual on the job or on the rules that run it.' },
  aliases: [],
  // Templates, defaults and stages may come from locally included files.
  scope: 'workspace',
  check(context) {
    const pipeline = pipelineOf(context);
    for (const { name, definition } of jobsHere(pipeline)) {
      const environment = productionEnvironment(pipeline, name);
      if (!environment || !runsAutomatically(pipeline, name)) continue;
      const target = environment.at.source === pipeline.self ? environment.at.node : definition.pair.key;
      const range = nodeRange(pipeline.self.file.lines, target);
      if (!range) continue;
      const hasRules = jobValue(pipeline, name, 'rules') !== undefined;
      context.report({
        range,
        message: `Job '${name}' deploys to ${environment.name} with no manual gate: add when: manual${hasRules ? ' to the rules: that run it' : ''}, or protect the environment with approvals.`,
        data: { job: name, canAddWhen: !hasRules && jobValue(pipeline, name, 'when') === undefined },
      });
    }
  },
};

function productionEnvironment(pipeline: Pipeline, job: string): { name: string; at: Located } | undefined {
  const { resolver } = pipeline;
  const environment = jobValue(pipeline, job, 'environment');
  if (!environment) return undefined;
  const nameNode = text(environment) !== undefined ? environment : resolver.get(environment, 'name');
  const name = text(nameNode);
  if (!nameNode || name === undefined || NON_DEPLOYING.has(text(resolver.get(environment, 'action')) ?? ''))
    return undefined;
  const tier = text(resolver.get(environment, 'deployment_tier'));
  return PRODUCTION.test(name) || tier === 'production' ? { name: `'${name}'`, at: nameNode } : undefined;
}

/** True when some way the job can be created starts it without a click. */
function runsAutomatically(pipeline: Pipeline, job: string): boolean {
  const { resolver } = pipeline;
  const fallback = jobWhen(pipeline, job);
  const rules = resolver.items(jobValue(pipeline, job, 'rules'));
  if (rules.length === 0) return fallback !== 'manual';
  return rules.some((rule) => {
    const when = text(resolver.get(rule, 'when')) ?? fallback;
    return when !== 'manual' && when !== 'never';
  });
}
