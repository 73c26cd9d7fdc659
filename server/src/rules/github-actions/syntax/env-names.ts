/**
 * Environment variable names that no process can receive: `=` ends a name in the environment block,
 * and spaces or `&` break the shell that reads it. GitHub's schema takes any string as an `env` key.
 * Reported by `github-actions/syntax`.
 */
import type { GitHubActionsFile, Report } from '../../../engine/types';
import { entries, getIn, keyRange, mapGet } from '../../../engine/yaml/nav';
import { jobSteps, jobsOf, workflowRoot } from '../model/workflow-model';

export function envNameProblems(file: GitHubActionsFile): Report[] {
  const envs: unknown[] = [mapGet(workflowRoot(file), 'env')];
  for (const { job } of jobsOf(file)) {
    envs.push(mapGet(job, 'env'), getIn(job, ['container', 'env']));
    for (const { pair } of entries(mapGet(job, 'services'))) envs.push(mapGet(pair.value, 'env'));
    for (const step of jobSteps(job)) envs.push(mapGet(step, 'env'));
  }
  const reports: Report[] = [];
  for (const env of envs) {
    for (const { key, pair } of entries(env)) {
      const range = keyRange(file.lines, pair);
      if (!range || key.includes('${{') || !/[=\s&]/.test(key)) continue;
      reports.push({
        range,
        message: `'${key}' cannot be an environment variable name: '=', '&' and spaces are not allowed in one. Use letters, digits and _.`,
      });
    }
  }
  return reports;
}
