/**
 * `needs.<job>` reads only the jobs a job lists in its own `needs:`, and `needs.<job>.outputs.<name>` only
 * the outputs that job declares: anything else is an empty string at run time, silently.
 * Reported by `github-actions/syntax`.
 */
import { isMap } from 'yaml';
import type { GitHubActionsFile, Report } from '../../../engine/types';
import { asSeq, entries, mapGet, scalarString } from '../../../engine/yaml/nav';
import { contextRefsUnder } from '../model/expression-refs';
import { jobsOf } from '../model/workflow-model';

export function needsReferenceProblems(file: GitHubActionsFile): Report[] {
  if (file.flavor !== 'workflow') return [];
  const jobs = jobsOf(file);
  const byId = new Map(jobs.map((job) => [job.id.toLowerCase(), job]));
  const reports: Report[] = [];
  for (const { id, job } of jobs) {
    const needsNode = mapGet(job, 'needs');
    const needs = (asSeq(needsNode)?.items ?? [needsNode]).map((item) => scalarString(item)?.toLowerCase());
    for (const ref of contextRefsUnder(file, job)) {
      const match = /^needs\.([^.]+)(?:\.outputs\.([^.]+))?/.exec(ref.path);
      if (!match || match[1] === '*') continue;
      const [, needed, output] = match;
      if (!needs.includes(needed)) {
        reports.push({
          range: ref.range,
          message: `Job '${id}' does not list '${needed}' in its needs${byId.has(needed) ? '' : ' (and no job has that id)'}: needs.${needed} is always empty here.${needs.some(Boolean) ? ` Its needs: ${needs.filter(Boolean).join(', ')}.` : ''}`,
        });
        continue;
      }
      const outputs = declaredOutputs(byId.get(needed)?.job);
      if (output === undefined || output === '*' || !outputs || outputs.has(output)) continue;
      reports.push({
        range: ref.range,
        message: `Job '${needed}' declares no output '${output}': needs.${needed}.outputs.${output} is always empty. Its outputs: ${[...outputs].join(', ') || 'none'}.`,
      });
    }
  }
  return reports;
}

/** Lower-cased output names of a job; undefined when they cannot be known (a reusable workflow's, computed keys). */
function declaredOutputs(job: ReturnType<typeof jobsOf>[number]['job']): Set<string> | undefined {
  if (!job || mapGet(job, 'uses') !== undefined) return undefined;
  const outputs = mapGet(job, 'outputs');
  if (outputs === undefined || outputs === null) return new Set();
  if (!isMap(outputs) || entries(outputs).some(({ key }) => key.includes('${{'))) return undefined;
  return new Set(entries(outputs).map(({ key }) => key.toLowerCase()));
}
