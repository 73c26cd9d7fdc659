/**
 * Which runs deploy. A run deploys when it ran a job that deploys to an environment: GitHub, a job
 * the workflow file gives an `environment:`; GitLab, a job its deployments API lists (a job with an
 * `environment:` that starts a deployment). Named like a deployment (`deploy`, `release`…) counts too.
 */
import { parseDocument } from 'yaml';
import type { Job, Run } from '../model';
import { deployLike } from './figures';

/** The jobs of one workflow file that deploy, as patterns over the job names the API reports. */
export interface WorkflowDeploys {
  jobs: RegExp[];
}

/**
 * The jobs of a workflow file with an `environment:`. The API names a job by its `name:` (or its key),
 * with ` (a, b)` after a matrix job's name and ` / callee` after a reusable workflow's caller; an
 * expression in the name matches anything. Undefined when the text is not a workflow.
 */
export function workflowDeploys(text: string): WorkflowDeploys | undefined {
  let document: unknown;
  try {
    const parsed = parseDocument(text);
    if (parsed.errors.length) return undefined;
    // A small alias budget: an alias bomb in a workspace file must not stall the extension host.
    document = parsed.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  const jobs = (document as { jobs?: unknown } | null)?.jobs;
  if (!jobs || typeof jobs !== 'object' || Array.isArray(jobs)) return undefined;
  const patterns: RegExp[] = [];
  for (const [key, job] of Object.entries(jobs as Record<string, unknown>)) {
    if (!job || typeof job !== 'object' || !('environment' in job)) continue;
    if ((job as { environment?: unknown }).environment == null) continue;
    const name = (job as { name?: unknown }).name;
    patterns.push(jobNamePattern(typeof name === 'string' && name.trim() ? name.trim() : key));
  }
  return { jobs: patterns };
}

function jobNamePattern(name: string): RegExp {
  const literal = name
    .split(/\$\{\{[\s\S]*?\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${literal}(?: \\(.*\\)| / .*)?$`, 's');
}

/** Whether a GitHub run deployed, from its workflow file (and its jobs, when they were read). */
function ranEnvironmentJob(deploys: WorkflowDeploys, jobs: Job[] | undefined): boolean {
  if (!deploys.jobs.length) return false;
  // Without the jobs, the workflow's deploy job is taken to have run; with them, it must not be skipped.
  if (!jobs) return true;
  return jobs.some((job) => job.state !== 'skipped' && deploys.jobs.some((pattern) => pattern.test(job.name)));
}

/** What a repository's state knows about its deploys. */
export interface DeployFacts {
  deployJobs: Map<string, WorkflowDeploys>;
  deployingRuns?: Set<number>;
}

/** The deploy test for the health figures of one repository. */
export function deployDetector(state: DeployFacts): (run: Run, jobs: Job[] | undefined) => boolean {
  return (run, jobs) => {
    if (deployLike(run, jobs)) return true;
    if (state.deployingRuns) return state.deployingRuns.has(run.id);
    const deploys = run.workflowPath ? state.deployJobs.get(run.workflowPath) : undefined;
    return deploys ? ranEnvironmentJob(deploys, jobs) : false;
  };
}
