/**
 * `needs.<job>` reads only the jobs a job lists in its own `needs:`, and `needs.<job>.outputs.<name>` only
 * the outputs that job declares; a reusable workflow's `on.workflow_call.outputs` read
 * `jobs.<job>.outputs.<name>` of its own jobs. Anything else is an empty string at run time, silently.
 * Reported by `github-actions/syntax`.
 */
import { isMap } from 'yaml';
import type { GitHubActionsFile, Report } from '../../../engine/types';
import { asSeq, entries, getIn, mapGet, scalarString } from '../../../engine/yaml/nav';
import { contextRefsUnder } from '../model/expression-refs';
import { jobsOf, workflowRoot } from '../model/workflow-model';

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
  reports.push(...workflowOutputProblems(file, byId));
  return reports;
}

/** The values of `on.workflow_call.outputs`, which read the outputs of this workflow's jobs. */
function workflowOutputProblems(
  file: GitHubActionsFile,
  byId: ReadonlyMap<string, ReturnType<typeof jobsOf>[number]>,
): Report[] {
  const reports: Report[] = [];
  const outputs = getIn(mapGet(workflowRoot(file), 'on'), ['workflow_call', 'outputs']);
  for (const ref of contextRefsUnder(file, outputs)) {
    const match = /^jobs\.([^.]+)\.outputs\.([^.]+)/.exec(ref.path);
    if (!match || match[1] === '*' || match[2] === '*') continue;
    const job = byId.get(match[1]);
    const declared = job ? declaredOutputs(job.job) : new Set<string>();
    if (!declared || declared.has(match[2])) continue;
    reports.push({
      range: ref.range,
      message: job
        ? `Job '${job.id}' declares no output '${match[2]}': jobs.${match[1]}.outputs.${match[2]} is always empty. Its outputs: ${[...declared].join(', ') || 'none'}.`
        : `No job '${match[1]}' in this workflow: jobs.${match[1]}.outputs.${match[2]} is always empty.`,
    });
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
