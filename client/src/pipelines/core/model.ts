/**
 * The provider-neutral model of CI runs. GitHub Actions and GitLab CI are both mapped onto it, so the
 * tree, the status bar, polling and notifications are written once. Plain data only: no API handles.
 */
export type ProviderKind = 'github' | 'gitlab';

/** One state per codicon the view shows; `neutral` covers GitHub's neutral/stale conclusions. */
export type RunState =
  'queued' | 'waiting' | 'in_progress' | 'success' | 'failure' | 'cancelled' | 'skipped' | 'manual' | 'neutral';

const ACTIVE: ReadonlySet<RunState> = new Set(['queued', 'waiting', 'in_progress']);

/** A run that may still change on its own: these make polling fast. */
export function isActive(state: RunState): boolean {
  return ACTIVE.has(state);
}

/** Finished: the state notifications are about. A manual (GitLab) run waits for a person, it is not finished. */
export function isCompleted(state: RunState): boolean {
  return !isActive(state) && state !== 'manual';
}

export interface Run {
  provider: ProviderKind;
  /** GitHub run id, or GitLab pipeline id. */
  id: number;
  /** GitLab project of the pipeline (a child pipeline may live in another project). */
  projectId?: number | string;
  /** GitHub run attempt (1 for the first). */
  attempt: number;
  /** Workflow name (GitHub) or "Pipeline" (GitLab). */
  name: string;
  /** `#412` on GitHub (run_number), the pipeline iid on GitLab. */
  number: number;
  branch?: string;
  event?: string;
  actor?: string;
  sha: string;
  commitMessage?: string;
  state: RunState;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  webUrl: string;
  workflowId?: number;
  workflowPath?: string;
}

export interface Step {
  number: number;
  name: string;
  state: RunState;
  startedAt?: string;
  finishedAt?: string;
}

export interface Job {
  provider: ProviderKind;
  id: number;
  runId: number;
  projectId?: number | string;
  name: string;
  state: RunState;
  /** GitLab stage; GitHub jobs have none. */
  stage?: string;
  startedAt?: string;
  finishedAt?: string;
  webUrl?: string;
  steps: Step[];
  /** GitLab trigger (bridge) job: the downstream or child pipeline it started. */
  downstream?: Run;
  /** GitLab bridge jobs have no log and cannot be retried like jobs. */
  isBridge?: boolean;
}

export interface Workflow {
  id: number;
  name: string;
  /** `.github/workflows/ci.yml` */
  path: string;
  active: boolean;
  webUrl?: string;
}

export interface RunsPage {
  runs: Run[];
  /** True when the answer was a 304 (GitHub, ETag): nothing changed. */
  notModified: boolean;
}

/** Stages of a GitLab pipeline, in the order the jobs list them (GitLab lists stages in pipeline order). */
export function groupByStage(jobs: Job[]): { stage: string; state: RunState; jobs: Job[] }[] {
  const stages = new Map<string, Job[]>();
  // GitLab lists jobs newest first; stages are shown in the order their first job ran.
  const ordered = [...jobs].sort((a, b) => a.id - b.id);
  for (const job of ordered) {
    const stage = job.stage ?? 'jobs';
    if (!stages.has(stage)) stages.set(stage, []);
    stages.get(stage)!.push(job);
  }
  return [...stages].map(([stage, stageJobs]) => ({ stage, jobs: stageJobs, state: combinedState(stageJobs) }));
}

/** The state a group of jobs shows: failure wins, then activity, then manual, then success. */
export function combinedState(jobs: { state: RunState }[]): RunState {
  const states = new Set(jobs.map((job) => job.state));
  for (const state of ['failure', 'in_progress', 'waiting', 'queued', 'manual', 'cancelled'] as const)
    if (states.has(state)) return state;
  if (states.has('success')) return 'success';
  return states.has('skipped') ? 'skipped' : 'neutral';
}

/** GitHub `status` + `conclusion` of a run, job or step. */
export function githubState(status: string | null | undefined, conclusion: string | null | undefined): RunState {
  switch (status) {
    case 'queued':
    case 'requested':
    case 'pending':
      return 'queued';
    case 'waiting':
      return 'waiting';
    case 'in_progress':
      return 'in_progress';
  }
  switch (conclusion) {
    case 'success':
      return 'success';
    case 'failure':
    case 'timed_out':
    case 'startup_failure':
      return 'failure';
    case 'cancelled':
      return 'cancelled';
    case 'skipped':
      return 'skipped';
    case 'action_required':
      return 'waiting';
    default:
      return 'neutral';
  }
}

/** GitLab pipeline or job `status`. */
export function gitlabState(status: string | null | undefined): RunState {
  switch (status) {
    case 'created':
    case 'pending':
    case 'preparing':
    case 'waiting_for_resource':
      return 'queued';
    case 'scheduled':
      return 'waiting';
    case 'running':
      return 'in_progress';
    case 'success':
      return 'success';
    case 'failed':
      return 'failure';
    case 'canceled':
    case 'canceling':
      return 'cancelled';
    case 'skipped':
      return 'skipped';
    case 'manual':
      return 'manual';
    default:
      return 'neutral';
  }
}
