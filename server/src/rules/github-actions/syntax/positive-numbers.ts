/**
 * Numbers GitHub needs above zero: a `timeout-minutes` of 0 or less cancels the job at once, and
 * `max-parallel` (a count of jobs) must be a whole number of at least 1. GitHub's schema only asks
 * for a number. Reported by `github-actions/syntax`.
 */
import { isScalar } from 'yaml';
import type { GitHubActionsFile, Report } from '../../../engine/types';
import { getIn, mapGet, nodeRange } from '../../../engine/yaml/nav';
import { jobSteps, jobsOf } from '../model/workflow-model';

export function positiveNumberProblems(file: GitHubActionsFile): Report[] {
  const reports: Report[] = [];
  const check = (node: unknown, key: string, whole: boolean) => {
    if (!isScalar(node) || typeof node.value !== 'number') return;
    const range = nodeRange(file.lines, node);
    const value = node.value;
    if (!range || (value > 0 && (!whole || Number.isInteger(value)))) return;
    reports.push({
      range,
      message:
        value <= 0
          ? `'${key}' must be greater than zero; ${value} is not.`
          : `'${key}' is a number of jobs: it must be a whole number, not ${value}.`,
    });
  };
  for (const { job } of jobsOf(file)) {
    check(mapGet(job, 'timeout-minutes'), 'timeout-minutes', false);
    check(getIn(job, ['strategy', 'max-parallel']), 'max-parallel', true);
    for (const step of jobSteps(job)) check(mapGet(step, 'timeout-minutes'), 'timeout-minutes', false);
  }
  return reports;
}
