import type { Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { effectiveValue, isJob, jobValue, jobsHere, jobWhen, visibleJobs } from './model/job-config';
import { catalogue } from './model/keyword-catalogue';
import { pipelineOf, type Pipeline } from './model/pipeline';
import { text } from './model/yaml-resolve';

/** A rule condition that holds only for tag pipelines: `$CI_COMMIT_TAG` tested as set, not as `== null`. */
const TAG_ONLY_CONDITION = /^\s*\$CI_COMMIT_TAG\s*($|&&|=~|==\s*["'])/;

export const interruptible: Rule<'gitlab-ci'> = {
  id: 'gitlab-ci/interruptible',
  kind: 'gitlab-ci',
  defaultSeverity: 'info',
  docs: {
    summary:
      'Jobs of the first stage should be interruptible: true, so a newer push can cancel a branch pipeline that is already outdated.',
  },
  aliases: [],
  // Templates, defaults and stages may come from locally included files.
  scope: 'workspace',
  check(context) {
    const pipeline = pipelineOf(context);
    const first = firstStage(pipeline);
    if (first === undefined) return;
    for (const { name, definition } of jobsHere(pipeline)) {
      if (stageOf(pipeline, name) !== first || !isCandidate(pipeline, name)) continue;
      const range = nodeRange(pipeline.self.file.lines, definition.pair.key);
      if (!range) continue;
      context.report({
        range,
        message: `Job '${name}' runs first but is not interruptible: true, so GitLab cannot auto-cancel an outdated branch pipeline once it has started.`,
        data: { job: name },
      });
    }
  },
};

/** Deploys, manual jobs, trigger jobs and tag-only jobs are left alone; an explicit `interruptible: false` is a decision. */
function isCandidate(pipeline: Pipeline, job: string): boolean {
  if (effectiveValue(pipeline, job, 'interruptible') !== undefined) return false;
  if (
    jobValue(pipeline, job, 'environment') ||
    jobValue(pipeline, job, 'trigger') ||
    jobWhen(pipeline, job) === 'manual'
  )
    return false;
  return !runsOnTagsOnly(pipeline, job);
}

function runsOnTagsOnly(pipeline: Pipeline, job: string): boolean {
  const { resolver } = pipeline;
  const only = resolver.items(jobValue(pipeline, job, 'only')).map(text);
  if (only.length > 0 && only.every((ref) => ref === 'tags')) return true;
  const rules = resolver.items(jobValue(pipeline, job, 'rules'));
  const running = rules.filter((rule) => text(resolver.get(rule, 'when')) !== 'never');
  return running.length > 0 && running.every((rule) => TAG_ONLY_CONDITION.test(text(resolver.get(rule, 'if')) ?? ''));
}

function stageOf(pipeline: Pipeline, job: string): string {
  return text(jobValue(pipeline, job, 'stage')) ?? 'test';
}

/** The earliest stage (in `stages:` order) that has a job; `.pre` counts as earliest. */
function firstStage(pipeline: Pipeline): string | undefined {
  const declared = pipeline.global('stages');
  const order = declared ? ['.pre', ...pipeline.resolver.items(declared).map(text), '.post'] : catalogue.defaultStages;
  let best: number | undefined;
  for (const job of visibleJobs(pipeline)) {
    if (!isJob(pipeline, job)) continue;
    const index = order.indexOf(stageOf(pipeline, job));
    if (index >= 0 && (best === undefined || index < best)) best = index;
  }
  return best === undefined ? undefined : (order[best] as string);
}
