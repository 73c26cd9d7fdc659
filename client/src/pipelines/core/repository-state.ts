/**
 * The state the service keeps per repository, and the shapes it is fed with: plain data, read by
 * the rows builder and the VS Code part, written only by PipelinesService.
 */
import type { NotifySetting } from './completion-tracker';
import { ApiError } from './http';
import type { Job, Run, Workflow } from './model';
import type { PipelineProvider } from './provider';
import type { WorkflowDeploys } from './health/deploys';
import type { HostSettings, PlacedRepository } from './remotes';

export interface RepositorySource {
  /** Workspace folder (or git repository root) the remotes belong to. */
  folder: string;
  remotes: { name: string; url: string }[];
  /** Current branch; undefined on a detached HEAD. */
  branch?: string;
  /** The checked-out commit, when it could be read. */
  commit?: string;
}

export interface ServiceSettings {
  hosts: HostSettings;
  runsPerWorkflow: number;
  notify: NotifySetting;
  /** How many completed runs the health figures cover (default 30); workflow lists fetch this many. */
  healthWindow?: number;
}

export const DEFAULT_HEALTH_WINDOW = 30;

/** One request per list serves both the rows and the health figures. */
export function runsToFetch(settings: ServiceSettings): number {
  return Math.min(100, Math.max(settings.runsPerWorkflow, settings.healthWindow ?? DEFAULT_HEALTH_WINDOW));
}

export type ProviderFactory = (repository: PlacedRepository) => Promise<PipelineProvider>;

/** A file of the workspace by its folder and its path in the repository; undefined when absent. */
export type WorkspaceFileReader = (folder: string, path: string) => Promise<string | undefined>;

export interface Loaded<T> {
  value?: T;
  error?: ApiError;
}

export interface RepositoryState {
  key: string;
  placed: PlacedRepository;
  folder: string;
  remoteNames: string[];
  branch?: string;
  commit?: string;
  provider?: PipelineProvider;
  branchRuns: Loaded<Run[]>;
  workflows: Loaded<Workflow[]>;
  /** GitHub: runs per expanded workflow id. GitLab: key 0 holds the project's pipelines on all refs. */
  workflowRuns: Map<number, Loaded<Run[]>>;
  /** Jobs per run (see jobsKey), loaded when the run is expanded, with the run state they were read at. */
  jobs: Map<string, Loaded<Job[]> & { runState?: Run['state'] }>;
  /** The default branch the server names (time to recovery is measured there); `''` when it could not say. */
  defaultBranch?: string;
  /** GitHub: the deploy jobs of each workflow file the workspace has, by path. */
  deployJobs: Map<string, WorkflowDeploys>;
  /** GitLab: the recent pipelines that ran a deployment, and the completed pipelines they were last asked for. */
  deployingRuns?: Set<number>;
  deploysReadFor?: string;
  rateLimitedUntil?: number;
  /** The error that stopped the last poll before it could ask anything (no provider, offline…). */
  pollError?: ApiError;
  failedPolls: number;
  idlePolls: number;
  polls: number;
}

export interface UnknownRemote {
  key: string;
  host: string;
  path: string;
  remoteNames: string[];
  reason: string;
}

export interface CompletedRun {
  repository: RepositoryState;
  run: Run;
}

/** GitLab's "Pipelines" section is stored as workflow 0. */
export const GITLAB_PIPELINES = 0;

export function jobsKey(run: Run): string {
  return `${run.projectId ?? ''}:${run.id}:${run.attempt}`;
}

export function emptyState(key: string, placed: PlacedRepository, folder: string): RepositoryState {
  return {
    key,
    placed,
    folder,
    remoteNames: [],
    branchRuns: {},
    workflows: {},
    workflowRuns: new Map(),
    jobs: new Map(),
    deployJobs: new Map(),
    failedPolls: 0,
    idlePolls: 0,
    polls: 0,
  };
}

/** Every failure as an ApiError with a message of our own (never a library message quoting a request). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const kind = (error as { kind?: unknown })?.kind;
  if (kind === 'timeout' || kind === 'offline') return new ApiError(kind, (error as Error).message);
  return new ApiError('server', 'the request failed unexpectedly');
}
