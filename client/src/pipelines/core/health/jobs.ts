/** Job-level figures: the slowest jobs by median duration, and the jobs that failed then passed on the same commit. */
import type { Job, Run } from '../model';
import { median, span } from './stats';

export interface JobsOfRun {
  /** The run, with the attempt these jobs belong to (GitHub keeps the jobs of every attempt). */
  run: Run;
  jobs: Job[];
}

export interface SlowJob {
  name: string;
  medianMs: number;
  samples: number;
}

export interface FlakyJob {
  name: string;
  /** The workflow (GitHub) or pipeline the job belongs to. */
  workflow: string;
  sha: string;
  /** Failures before the success on that commit. */
  failures: number;
  webUrl?: string;
}

const SLOWEST = 5;

export function slowestJobs(entries: JobsOfRun[]): SlowJob[] {
  const durations = new Map<string, number[]>();
  for (const { jobs } of entries)
    for (const job of jobs) {
      if (job.isBridge || (job.state !== 'success' && job.state !== 'failure')) continue;
      const ms = span(job.startedAt, job.finishedAt);
      if (ms === undefined) continue;
      durations.set(job.name, [...(durations.get(job.name) ?? []), ms]);
    }
  return [...durations]
    .map(([name, values]) => ({ name, medianMs: median(values)!, samples: values.length }))
    .sort((a, b) => b.medianMs - a.medianMs || a.name.localeCompare(b.name))
    .slice(0, SLOWEST);
}

/**
 * A job is flaky when, for one commit and one workflow, it failed and a later try of the same job
 * (a re-run attempt, a retried GitLab job, or a new run of the same commit) passed.
 */
export function flakyJobs(entries: JobsOfRun[]): FlakyJob[] {
  const tries = new Map<string, { job: Job; run: Run }[]>();
  for (const { run, jobs } of entries)
    for (const job of jobs) {
      if (job.isBridge || (job.state !== 'success' && job.state !== 'failure')) continue;
      const key = [run.workflowId ?? run.name, run.sha, job.name].join('\n');
      tries.set(key, [...(tries.get(key) ?? []), { job, run }]);
    }
  const flaky: FlakyJob[] = [];
  for (const attempts of tries.values()) {
    attempts.sort(
      (a, b) =>
        a.run.id - b.run.id ||
        a.run.attempt - b.run.attempt ||
        Date.parse(a.job.startedAt ?? '') - Date.parse(b.job.startedAt ?? '') ||
        a.job.id - b.job.id,
    );
    const firstFailure = attempts.findIndex((each) => each.job.state === 'failure');
    if (firstFailure < 0) continue;
    const passIndex = attempts.findIndex((each, index) => index > firstFailure && each.job.state === 'success');
    if (passIndex < 0) continue;
    const failures = attempts.slice(firstFailure, passIndex).filter((each) => each.job.state === 'failure').length;
    const { run, job } = attempts[passIndex]!;
    flaky.push({ name: job.name, workflow: run.name, sha: run.sha, failures, webUrl: job.webUrl ?? run.webUrl });
  }
  return flaky.sort((a, b) => b.failures - a.failures || a.name.localeCompare(b.name));
}
