/**
 * The live state of every watched repository: what the last polls returned, per section, with the
 * error of each section kept beside it (one failing request never empties the rest of the tree).
 * The view reads this state; only this class talks to the providers.
 */
import { CompletionTracker, wantsNotification } from './completion-tracker';
import { Emitter } from './events';
import { ApiError, type Clock } from './http';
import { isActive, type Job, type Run } from './model';
import { PollScheduler, nextPollDelay } from './polling';
import type { PipelineProvider } from './provider';
import { parseRemoteUrl, placeRemote } from './remotes';
import { readDefaultBranch, readDeployJobs, readDeployingRuns } from './repository-facts';
import {
  GITLAB_PIPELINES,
  asApiError,
  emptyState,
  jobsKey,
  runsToFetch,
  type CompletedRun,
  type Loaded,
  type ProviderFactory,
  type RepositorySource,
  type RepositoryState,
  type ServiceSettings,
  type UnknownRemote,
  type WorkspaceFileReader,
} from './repository-state';

export * from './repository-state';

/** The workflow list changes rarely: it is asked again every this many polls. */
const WORKFLOW_LIST_EVERY = 10;

export class PipelinesService {
  private readonly changed = new Emitter<void>();
  private readonly completed = new Emitter<CompletedRun>();
  readonly onDidChange = this.changed.event;
  readonly onRunCompleted = this.completed.event;
  private readonly repos = new Map<string, RepositoryState>();
  private unknown: UnknownRemote[] = [];
  private readonly expandedRuns = new Map<string, Map<string, Run>>();
  private readonly tracker = new CompletionTracker();
  /** Repositories whose current poll met a timeout or a refused connection. */
  private readonly unreachable = new Set<string>();
  private readonly scheduler: PollScheduler;

  constructor(
    private readonly clock: Clock,
    private readonly createProvider: ProviderFactory,
    private settings: ServiceSettings,
    /** Reads workflow files from the workspace (deploy jobs); without it, deploys are known by name only. */
    private readonly readWorkspaceFile?: WorkspaceFileReader,
  ) {
    this.scheduler = new PollScheduler(
      clock,
      (key) => this.poll(key),
      (key) => this.delayFor(key),
    );
  }

  repositories(): RepositoryState[] {
    return [...this.repos.values()];
  }

  unknownRemotes(): UnknownRemote[] {
    return this.unknown;
  }

  repository(key: string): RepositoryState | undefined {
    return this.repos.get(key);
  }

  /** The settings in force (rows show `runsPerWorkflow` runs of the longer lists fetched for health). */
  get currentSettings(): ServiceSettings {
    return this.settings;
  }

  get paused(): boolean {
    return this.scheduler.paused;
  }

  /** The repositories to watch, from the workspace's git remotes (all of them, deduplicated). */
  setSources(sources: RepositorySource[]): void {
    const seen = new Map<string, RepositoryState>();
    const unknown = new Map<string, UnknownRemote>();
    for (const source of sources) {
      for (const remote of source.remotes) {
        const parsed = parseRemoteUrl(remote.url);
        if (!parsed) continue;
        const placed = placeRemote(parsed, this.settings.hosts);
        if (placed.provider === 'unknown') {
          const key = `${placed.host}/${placed.path}`.toLowerCase();
          const entry = unknown.get(key) ?? { key, ...placed, remoteNames: [] };
          if (!entry.remoteNames.includes(remote.name)) entry.remoteNames.push(remote.name);
          unknown.set(key, entry);
          continue;
        }
        const key = `${placed.provider}:${placed.apiUrl}:${placed.path}`.toLowerCase();
        const existing = seen.get(key);
        if (existing) {
          if (!existing.remoteNames.includes(remote.name)) existing.remoteNames.push(remote.name);
          continue;
        }
        const previous = this.repos.get(key);
        const state = previous ?? emptyState(key, placed, source.folder);
        const branchChanged = previous !== undefined && previous.branch !== source.branch;
        state.branch = source.branch;
        state.commit = source.commit;
        state.folder = source.folder;
        state.remoteNames = [remote.name];
        if (branchChanged) state.branchRuns = {};
        seen.set(key, state);
        if (branchChanged) void this.scheduler.pollNow(key);
      }
    }
    for (const key of this.repos.keys()) if (!seen.has(key)) this.scheduler.remove(key);
    this.repos.clear();
    for (const [key, state] of seen) this.repos.set(key, state);
    this.unknown = [...unknown.values()];
    for (const key of seen.keys()) this.scheduler.add(key);
    this.changed.fire();
  }

  /** New settings: host placement may change, so every repository starts afresh. */
  updateSettings(settings: ServiceSettings, sources: RepositorySource[]): void {
    const hostsChanged = JSON.stringify(settings.hosts) !== JSON.stringify(this.settings.hosts);
    this.settings = settings;
    if (hostsChanged) {
      for (const key of [...this.repos.keys()]) this.scheduler.remove(key);
      this.repos.clear();
    }
    this.setSources(sources);
  }

  /** Credentials changed: providers are made again, and every repository asked at once. */
  reconnect(): Promise<void> {
    for (const state of this.repos.values()) {
      state.provider = undefined;
      state.rateLimitedUntil = undefined;
      state.failedPolls = 0;
    }
    return this.refresh();
  }

  /** Poll now: one repository, or all. */
  async refresh(key?: string): Promise<void> {
    const keys = key ? [key] : [...this.repos.keys()];
    for (const each of keys) {
      const state = this.repos.get(each);
      // A user's explicit refresh overrides the backoff, never a rate limit's reset time.
      if (state && (state.rateLimitedUntil ?? 0) <= this.clock.now()) state.failedPolls = 0;
    }
    await Promise.all(keys.map((each) => this.scheduler.pollNow(each)));
  }

  setFocused(focused: boolean): void {
    this.scheduler.setFocused(focused);
  }

  /** A workflow node was expanded: its runs are loaded now and then polled with the rest. */
  async loadWorkflowRuns(key: string, workflowId: number): Promise<void> {
    const state = this.repos.get(key);
    if (!state || state.workflowRuns.has(workflowId)) return;
    state.workflowRuns.set(workflowId, {});
    await this.withProvider(state, (provider) => this.pollWorkflow(state, provider, workflowId));
    this.changed.fire();
  }

  /** A run was expanded: its jobs are loaded now, and polled while the run is active. */
  async loadJobs(key: string, run: Run): Promise<Job[] | undefined> {
    const state = this.repos.get(key);
    if (!state) return undefined;
    const runs = this.expandedRuns.get(key) ?? new Map<string, Run>();
    runs.set(jobsKey(run), run);
    this.expandedRuns.set(key, runs);
    await this.withProvider(state, (provider) => this.pollJobs(state, provider, run));
    this.changed.fire();
    return state.jobs.get(jobsKey(run))?.value;
  }

  /**
   * Run an action (cancel, re-run, play…) and show its effect without a manual refresh: the run is
   * watched for its completion, and the repository polled at once (fast, since it is active again).
   */
  async act(
    key: string,
    run: Run | undefined,
    action: (provider: PipelineProvider) => Promise<unknown>,
  ): Promise<void> {
    const state = this.repos.get(key);
    if (!state) throw new ApiError('not-found', 'the repository is no longer in the workspace');
    const provider = await this.providerFor(state);
    await action(provider);
    if (run) {
      this.tracker.watchRun(key, run);
      state.jobs.delete(jobsKey(run));
    }
    await this.refresh(key);
  }

  /** After a dispatch or a new pipeline: watch the run it creates on `ref`. */
  watchNewRun(key: string, ref: string, workflowId?: number): void {
    // Servers' clocks differ from ours by a few seconds; a minute's margin still excludes older runs.
    this.tracker.watchDispatch(key, ref, this.clock.now() - 60_000, workflowId);
    const state = this.repos.get(key);
    if (state && workflowId !== undefined && !state.workflowRuns.has(workflowId))
      state.workflowRuns.set(workflowId, {});
  }

  async providerFor(state: RepositoryState): Promise<PipelineProvider> {
    state.provider ??= await this.createProvider(state.placed);
    return state.provider;
  }

  private async withProvider(state: RepositoryState, work: (provider: PipelineProvider) => Promise<void>) {
    try {
      await work(await this.providerFor(state));
    } catch (error) {
      state.pollError = asApiError(error);
    }
  }

  private delayFor(key: string): number {
    const state = this.repos.get(key);
    if (!state) return 60_000;
    return nextPollDelay({
      now: this.clock.now(),
      anyActive: this.anyActive(state),
      authenticated: state.provider?.authenticated ?? false,
      idlePolls: state.idlePolls,
      failedPolls: state.failedPolls,
      rateLimitedUntil: state.rateLimitedUntil,
    });
  }

  private anyActive(state: RepositoryState): boolean {
    const lists = [state.branchRuns.value ?? [], ...[...state.workflowRuns.values()].map((runs) => runs.value ?? [])];
    return lists.some((runs) => runs.some((run) => isActive(run.state)));
  }

  /** One poll of one repository: branch runs, the workflow list now and then, expanded workflows and runs. */
  private async poll(key: string): Promise<void> {
    const state = this.repos.get(key);
    if (!state) return;
    if ((state.rateLimitedUntil ?? 0) > this.clock.now()) return;
    state.rateLimitedUntil = undefined;
    this.unreachable.delete(key);
    state.polls++;
    let failed = false;
    try {
      const provider = await this.providerFor(state);
      state.pollError = undefined;
      if (state.branch) failed = !(await this.pollBranch(state, provider)) || failed;
      if (this.limited(state)) return;
      const rarely = state.polls % WORKFLOW_LIST_EVERY === 1;
      if (rarely || state.defaultBranch === undefined)
        this.noteRateLimit(state, await readDefaultBranch(state, provider));
      if (provider.kind === 'github') {
        if (!state.workflows.value || rarely) {
          state.workflows = await load(() => provider.workflows(), state.workflows.value);
          failed = Boolean(state.workflows.error) || failed;
          this.noteRateLimit(state, state.workflows.error);
          await readDeployJobs(state, this.readWorkspaceFile);
        }
      } else if (!state.workflowRuns.has(GITLAB_PIPELINES)) state.workflowRuns.set(GITLAB_PIPELINES, {});
      for (const workflowId of state.workflowRuns.keys()) {
        if (this.limited(state)) return;
        await this.pollWorkflow(state, provider, workflowId);
      }
      if (provider.kind === 'gitlab' && !this.limited(state))
        this.noteRateLimit(state, await readDeployingRuns(state, provider));
      for (const run of this.expandedRuns.get(key)?.values() ?? []) {
        if (this.limited(state)) return;
        const loaded = state.jobs.get(jobsKey(run));
        const current = this.findRun(state, run) ?? run;
        // An earlier attempt never changes; the newest one is loaded when its row is expanded.
        if (current.attempt !== run.attempt) continue;
        // Once more after the run changes state (its jobs' final states), and all along while it runs.
        const stale = loaded?.runState !== current.state;
        if (!loaded?.value || stale || isActive(current.state) || loaded.error)
          await this.pollJobs(state, provider, current);
      }
    } catch (error) {
      state.pollError = asApiError(error);
      this.noteRateLimit(state, state.pollError);
      failed = true;
    } finally {
      state.failedPolls = failed ? state.failedPolls + 1 : 0;
      state.idlePolls = this.anyActive(state) ? 0 : state.idlePolls + 1;
      this.changed.fire();
    }
  }

  /** Stop asking in this poll: rate limited, or the server did not answer (another request would hang too). */
  private limited(state: RepositoryState): boolean {
    return (state.rateLimitedUntil ?? 0) > this.clock.now() || this.unreachable.has(state.key);
  }

  private noteRateLimit(state: RepositoryState, error: ApiError | undefined): void {
    if (error?.kind === 'timeout' || error?.kind === 'offline') this.unreachable.add(state.key);
    if (error?.kind === 'rate-limited' && error.retryAt !== undefined) state.rateLimitedUntil = error.retryAt;
  }

  /** True when the branch's runs were read (fresh or unchanged). */
  private async pollBranch(state: RepositoryState, provider: PipelineProvider): Promise<boolean> {
    try {
      const page = await provider.branchRuns(state.branch!, this.settings.runsPerWorkflow);
      if (!page.notModified || !state.branchRuns.value) state.branchRuns = { value: page.runs };
      else state.branchRuns = { value: state.branchRuns.value };
      this.announce(state, this.tracker.observe(state.key, state.branchRuns.value!, true));
      return true;
    } catch (error) {
      state.branchRuns = { value: state.branchRuns.value, error: asApiError(error) };
      this.noteRateLimit(state, state.branchRuns.error);
      return false;
    }
  }

  private async pollWorkflow(state: RepositoryState, provider: PipelineProvider, workflowId: number) {
    const previous = state.workflowRuns.get(workflowId)?.value;
    try {
      const id = provider.kind === 'gitlab' ? undefined : workflowId;
      const page = await provider.workflowRuns(id, runsToFetch(this.settings));
      const runs = page.notModified && previous ? previous : page.runs;
      state.workflowRuns.set(workflowId, { value: runs });
      this.announce(state, this.tracker.observe(state.key, runs, false));
    } catch (error) {
      const apiError = asApiError(error);
      state.workflowRuns.set(workflowId, { value: previous, error: apiError });
      this.noteRateLimit(state, apiError);
    }
  }

  private async pollJobs(state: RepositoryState, provider: PipelineProvider, run: Run) {
    const key = jobsKey(run);
    const previous = state.jobs.get(key)?.value;
    try {
      state.jobs.set(key, { value: await provider.jobs(run), runState: run.state });
    } catch (error) {
      const apiError = asApiError(error);
      state.jobs.set(key, { value: previous, error: apiError });
      this.noteRateLimit(state, apiError);
    }
  }

  /** The newest copy of a run in any list of the repository. */
  findRun(state: RepositoryState, run: Run): Run | undefined {
    const lists = [state.branchRuns.value ?? [], ...[...state.workflowRuns.values()].map((runs) => runs.value ?? [])];
    for (const runs of lists) {
      const found = runs.find((each) => each.id === run.id && each.projectId === run.projectId);
      if (found) return found;
    }
    return undefined;
  }

  private announce(state: RepositoryState, runs: Run[]): void {
    for (const run of runs)
      if (wantsNotification(this.settings.notify, run)) this.completed.fire({ repository: state, run });
  }

  /** Resolves when no poll is in flight (tests). */
  idle(): Promise<void> {
    return this.scheduler.idle();
  }

  dispose(): void {
    this.scheduler.dispose();
    this.changed.dispose();
    this.completed.dispose();
  }
}

async function load<T>(read: () => Promise<T>, previous: T | undefined): Promise<Loaded<T>> {
  try {
    return { value: await read() };
  } catch (error) {
    return { value: previous, error: asApiError(error) };
  }
}
