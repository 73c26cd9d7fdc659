/**
 * Health figures of one workflow (GitHub) or one pipeline ref (GitLab), computed from the runs the
 * view already fetched: no request of its own. Definitions (the README explains them to users):
 * - window: the newest `window` completed runs; queued, waiting, running and manual runs are left out.
 * - success rate: successful / (successful + failed); cancelled, skipped and neutral runs count for neither.
 * - median and p90 duration: of successful and failed runs, start to finish (p90 by nearest rank).
 * - deployment frequency: successful deploy runs per week, from the oldest run in the window to now.
 * - change failure rate: failed deploy runs / (successful + failed deploy runs).
 * - mean time to recovery: on the default branch, from the end of the first failed run of a failing
 *   streak to the end of the next successful run, averaged over the streaks that did recover.
 */
import { isCompleted, type Job, type Run } from '../model';
import { flakyJobs, slowestJobs, type FlakyJob, type JobsOfRun, type SlowJob } from './jobs';
import { mean, median, percentile, span } from './stats';

export interface HealthInput {
  runs: Run[];
  /** Every job list the view has loaded, with the run (and attempt) it belongs to. */
  jobs?: JobsOfRun[];
  window: number;
  now: number;
  /** The branch recovery is measured on; guessed from the runs when unknown. */
  defaultBranch?: string;
  /** Whether a run deploys; `deployLike` when not given. */
  isDeploy?: (run: Run, jobs: Job[] | undefined) => boolean;
}

export interface RunPoint {
  number: number;
  createdAt: string;
  state: Run['state'];
  durationMs?: number;
  branch?: string;
  webUrl: string;
}

export interface HealthFigures {
  /** Completed runs in the window, and the still-running runs left out. */
  completed: number;
  excludedActive: number;
  successes: number;
  failures: number;
  successRate?: number;
  medianMs?: number;
  p90Ms?: number;
  deployRuns: number;
  successfulDeploys: number;
  deploysPerWeek?: number;
  changeFailureRate?: number;
  defaultBranch?: string;
  meanTimeToRecoveryMs?: number;
  recoveries: number;
  /** The default branch is failing now (its newest completed run failed). */
  failingNow: boolean;
  slowestJobs: SlowJob[];
  flakyJobs: FlakyJob[];
  /** The window's runs, oldest first: what the chart draws. */
  points: RunPoint[];
}

const DAY_MS = 86_400_000;
const DEPLOY_WORDS = /\b(deploy|deployment|release|publish|rollout|promote)/i;

/** A run deploys when its workflow, one of its jobs or a GitLab stage is named like a deployment. */
export function deployLike(run: Run, jobs: Job[] | undefined): boolean {
  const names = [run.name, run.workflowPath?.split('/').pop(), ...(jobs ?? []).flatMap((job) => [job.name, job.stage])];
  return names.some((name) => name !== undefined && DEPLOY_WORDS.test(name.replace(/[-_.]/g, ' ')));
}

/** `main`, else `master`, else the branch with the most runs. */
export function guessDefaultBranch(runs: Run[]): string | undefined {
  const counts = new Map<string, number>();
  for (const run of runs) if (run.branch) counts.set(run.branch, (counts.get(run.branch) ?? 0) + 1);
  if (counts.has('main')) return 'main';
  if (counts.has('master')) return 'master';
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function runDurationMs(run: Run): number | undefined {
  return span(run.startedAt ?? run.createdAt, run.finishedAt);
}

function byCreated(a: Run, b: Run): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id - b.id;
}

export function healthFigures(input: HealthInput): HealthFigures {
  const window = Math.max(1, Math.floor(input.window));
  const unique = [...new Map(input.runs.map((run) => [`${run.projectId ?? ''}:${run.id}`, run])).values()];
  const finished = unique.filter((run) => isCompleted(run.state)).sort(byCreated);
  const inWindow = finished.slice(-window);
  const jobsOf = latestJobs(input.jobs ?? []);
  const isDeploy = input.isDeploy ?? deployLike;

  const decided = inWindow.filter((run) => run.state === 'success' || run.state === 'failure');
  const successes = decided.filter((run) => run.state === 'success').length;
  const durations = decided.map(runDurationMs).filter((ms): ms is number => ms !== undefined);

  const deploys = decided.filter((run) => isDeploy(run, jobsOf.get(runKey(run))));
  const successfulDeploys = deploys.filter((run) => run.state === 'success').length;
  const since = inWindow.length ? Date.parse(inWindow[0]!.createdAt) : NaN;
  const days = Number.isFinite(since) ? Math.max(1, (input.now - since) / DAY_MS) : undefined;

  const defaultBranch = input.defaultBranch ?? guessDefaultBranch(unique);
  const recovery = recoveryTimes(defaultBranch ? decided.filter((run) => run.branch === defaultBranch) : []);

  const windowIds = new Set(inWindow.map(runKey));
  const windowJobs = (input.jobs ?? []).filter((entry) => windowIds.has(runKey(entry.run)));
  return {
    completed: inWindow.length,
    excludedActive: unique.length - finished.length,
    successes,
    failures: decided.length - successes,
    successRate: decided.length ? successes / decided.length : undefined,
    medianMs: median(durations),
    p90Ms: percentile(durations, 90),
    deployRuns: deploys.length,
    successfulDeploys,
    deploysPerWeek: deploys.length && days ? (successfulDeploys / days) * 7 : undefined,
    changeFailureRate: deploys.length ? (deploys.length - successfulDeploys) / deploys.length : undefined,
    defaultBranch,
    meanTimeToRecoveryMs: mean(recovery.times),
    recoveries: recovery.times.length,
    failingNow: recovery.failingNow,
    slowestJobs: slowestJobs(windowJobs),
    flakyJobs: flakyJobs(windowJobs),
    points: inWindow.map((run) => ({
      number: run.number,
      createdAt: run.createdAt,
      state: run.state,
      durationMs: runDurationMs(run),
      branch: run.branch,
      webUrl: run.webUrl,
    })),
  };
}

export function runKey(run: Run): string {
  return `${run.projectId ?? ''}:${run.id}`;
}

/** The job list of each run's newest loaded attempt. */
function latestJobs(entries: JobsOfRun[]): Map<string, Job[]> {
  const newest = new Map<string, JobsOfRun>();
  for (const entry of entries) {
    const seen = newest.get(runKey(entry.run));
    if (!seen || seen.run.attempt < entry.run.attempt) newest.set(runKey(entry.run), entry);
  }
  return new Map([...newest].map(([key, entry]) => [key, entry.jobs]));
}

/** Runs of one branch, oldest first: each failing streak that ended in a success gives one time. */
function recoveryTimes(runs: Run[]): { times: number[]; failingNow: boolean } {
  const times: number[] = [];
  let failedAt: string | undefined;
  for (const run of runs) {
    if (run.state === 'failure') failedAt ??= run.finishedAt ?? run.createdAt;
    else if (failedAt !== undefined) {
      const time = span(failedAt, run.finishedAt ?? run.createdAt);
      if (time !== undefined) times.push(time);
      failedAt = undefined;
    }
  }
  return { times, failingNow: failedAt !== undefined };
}
