import type { YAMLMap } from 'yaml';
import type { GitHubActionsFile, Report, Rule } from '../../engine/types';
import { entries, mapGet, scalarString } from '../../engine/yaml/nav';
import { contextPaths, findExpressions } from './model/expressions';
import { runScript } from './model/run-script';
import { jobSteps, jobsOf, workflowRoot } from './model/workflow-model';
import { stepsOf } from './model/workflow-steps';

export const secretInRun: Rule<'github-actions'> = {
  id: 'github-actions/secret-in-run',
  kind: 'github-actions',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Secrets should reach scripts through env:, not be pasted into the script text or echoed to the log.',
  },
  aliases: [],
  check({ file, report }) {
    for (const { step } of stepsOf(file)) reportInterpolated(file, step, report);
    const workflowEnv = secretEnvNames(mapGet(workflowRoot(file), 'env'));
    for (const { job } of jobsOf(file)) {
      const jobEnv = secretEnvNames(mapGet(job, 'env'));
      for (const step of jobSteps(job)) {
        const names = new Set([...workflowEnv, ...jobEnv, ...secretEnvNames(mapGet(step, 'env'))]);
        if (names.size > 0) reportEchoed(file, step, names, report);
      }
    }
  },
};

function reportInterpolated(file: GitHubActionsFile, step: YAMLMap, report: (r: Report) => void) {
  const script = runScript(file, step);
  if (!script) return;
  for (const expression of findExpressions(script.source)) {
    for (const context of contextPaths(expression.text)) {
      if (!context.path.startsWith('secrets.')) continue;
      const from = script.start + expression.start + context.start;
      report({
        range: file.lines.range(from, from + context.end - context.start),
        message: `${context.path} is pasted into the script text: it shows in the process list and in error output. Pass it through env: and use the variable.`,
        data: { context: context.path },
      });
    }
  }
}

/** Names of env variables set from a secret (`TOKEN: ${{ secrets.TOKEN }}`). */
function secretEnvNames(env: unknown): string[] {
  return entries(env)
    .filter(({ pair }) => /\$\{\{[^}]*\bsecrets\./i.test(scalarString(pair.value) ?? ''))
    .map(({ key }) => key);
}

/**
 * `echo "$TOKEN"` prints the secret; GitHub masks the exact value but not an encoded or partial one.
 * Piping it into a command (`echo "$PW" | docker login --password-stdin`) or a file is the safe idiom.
 */
function reportEchoed(file: GitHubActionsFile, step: YAMLMap, names: Set<string>, report: (r: Report) => void) {
  const script = runScript(file, step);
  if (!script) return;
  const uses = [...names].map((name) => ({ name, pattern: new RegExp(`\\$\\{?${name}\\b`) }));
  let offset = 0;
  for (const line of script.source.split('\n')) {
    const command = /^(\s*)(echo|printf)\b([^|>]*)$/.exec(line);
    if (command) {
      for (const { name, pattern } of uses) {
        const use = pattern.exec(command[3]);
        if (!use) continue;
        const from = script.start + offset + command[1].length + command[2].length + use.index;
        report({
          range: file.lines.range(from, from + use[0].length + (use[0].startsWith('${') ? 1 : 0)),
          message: `${command[2]} prints the secret in ${name} to the log; masking misses any transformed copy. Do not print secrets.`,
        });
      }
    }
    offset += line.length + 1;
  }
}
