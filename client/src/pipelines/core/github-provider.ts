/**
 * GitHub Actions through Octokit (REST, plus the throttling and retry plugins). Conditional requests:
 * every GET remembers its ETag, sends `if-none-match`, and a 304 (which costs no rate limit) is served
 * from the remembered answer. Rate-limit answers are not retried here: they become an ApiError with
 * the time to come back, and the poller waits until then.
 */
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type { CiAnnotation } from './annotations/annotation';
import {
  ApiError,
  TransportError,
  errorForStatus,
  timedFetch,
  type Clock,
  type FetchLike,
  type HeaderBag,
} from './http';
import { githubState, type Job, type Run, type RunsPage, type Workflow } from './model';
import type { PipelineProvider, RateLimitInfo } from './provider';

const ThrottledOctokit = Octokit.plugin(throttling, retry);
export type GitHubOctokit = InstanceType<typeof ThrottledOctokit>;

export interface GitHubProviderOptions {
  apiUrl: string;
  owner: string;
  repo: string;
  token?: string;
  fetch: FetchLike;
  clock: Clock;
  timeoutMs?: number;
  /** plugin-retry: how many times a 5xx is retried at once, and its base delay in ms. */
  retries?: number;
  retryBaseMs?: number;
}

interface CachedAnswer {
  etag: string;
  response: { data: unknown; headers: Record<string, unknown>; status: number; url: string };
}

export class GitHubProvider implements PipelineProvider {
  readonly kind = 'github' as const;
  readonly authenticated: boolean;
  readonly rateLimit: RateLimitInfo = {};
  readonly octokit: GitHubOctokit;
  private readonly etags = new Map<string, CachedAnswer>();
  /**
   * Workflows are addressed by file name (`ci.yml`), which GitHub accepts as `workflow_id` and which
   * stays the same when a workflow is re-created; the numeric id is the fallback.
   */
  private readonly workflowFiles = new Map<number, string>();
  private readonly owner: string;
  private readonly repo: string;
  private readonly clock: Clock;

  constructor(options: GitHubProviderOptions) {
    this.owner = options.owner;
    this.repo = options.repo;
    this.clock = options.clock;
    this.authenticated = Boolean(options.token);
    this.octokit = new ThrottledOctokit({
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      ...(options.token ? { auth: options.token } : {}),
      userAgent: 'shipshape-vscode',
      request: { fetch: timedFetch(options.fetch, options.clock, options.timeoutMs ?? 30_000) },
      // Octokit's default logger writes request details to the console; errors reach the user through the view.
      log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
      throttle: {
        // Rate limits are the poller's business: it pauses the repository until the reset time.
        onRateLimit: () => false,
        onSecondaryRateLimit: () => false,
      },
      retry: {
        retries: options.retries ?? 2,
        retryAfterBaseValue: options.retryBaseMs ?? 1000,
        // 429 is a rate limit (handled above); 304 is an answer, not a failure.
        doNotRetry: [304, 400, 401, 403, 404, 410, 422, 429, 451],
      },
    });
    this.octokit.hook.wrap('request', async (request, requestOptions) => {
      const isGet = (requestOptions.method ?? 'GET').toUpperCase() === 'GET';
      const key = isGet ? this.octokit.request.endpoint(requestOptions).url : undefined;
      const cached = key ? this.etags.get(key) : undefined;
      if (cached) requestOptions.headers = { ...requestOptions.headers, 'if-none-match': cached.etag };
      try {
        const response = await request(requestOptions);
        this.noteRateLimit(response.headers as HeaderBag);
        const etag = response.headers.etag;
        if (key && typeof etag === 'string') this.etags.set(key, { etag, response: { ...response } });
        return response;
      } catch (error) {
        const status = (error as { status?: number }).status;
        const headers = ((error as { response?: { headers?: HeaderBag } }).response?.headers ?? {}) as HeaderBag;
        this.noteRateLimit(headers);
        // The remembered answer, marked 304 so that callers know nothing changed.
        if (status === 304 && cached) return { ...cached.response, status: 304 } as never;
        throw this.toApiError(error);
      }
    });
  }

  private get repoParams() {
    return { owner: this.owner, repo: this.repo };
  }

  private noteRateLimit(headers: HeaderBag): void {
    const number = (name: string) => (headers[name] !== undefined ? Number(headers[name]) : undefined);
    const limit = number('x-ratelimit-limit');
    if (limit === undefined) return;
    this.rateLimit.limit = limit;
    this.rateLimit.remaining = number('x-ratelimit-remaining');
    const reset = number('x-ratelimit-reset');
    this.rateLimit.resetAt = reset !== undefined ? reset * 1000 : undefined;
  }

  private toApiError(error: unknown): Error {
    if (error instanceof ApiError || error instanceof TransportError) return error;
    const status = (error as { status?: number }).status;
    const response = (error as { response?: { headers?: HeaderBag; data?: unknown } }).response;
    if (typeof status === 'number' && response) {
      const apiError = errorForStatus('GitHub', status, response.headers ?? {}, this.clock.now());
      // GitHub's 422 messages explain what to fix ("Unexpected inputs provided"); they quote no secrets.
      const detail = (response.data as { message?: unknown } | undefined)?.message;
      if (status === 422 && typeof detail === 'string')
        return new ApiError('rejected', `GitHub rejected the request (422): ${detail.slice(0, 200)}`, 422);
      return apiError;
    }
    return new ApiError('server', 'GitHub request failed');
  }

  async branchRuns(branch: string, limit: number): Promise<RunsPage> {
    const response = await this.octokit.rest.actions.listWorkflowRunsForRepo({
      ...this.repoParams,
      branch,
      per_page: limit,
      exclude_pull_requests: true,
    });
    return this.runsPage(response.status as number, response.data);
  }

  async workflowRuns(workflowId: number | undefined, limit: number): Promise<RunsPage> {
    if (workflowId === undefined) return { runs: [], notModified: false };
    const response = await this.octokit.rest.actions.listWorkflowRuns({
      ...this.repoParams,
      workflow_id: this.workflowFiles.get(workflowId) ?? workflowId,
      per_page: limit,
      exclude_pull_requests: true,
    });
    return this.runsPage(response.status as number, response.data);
  }

  private runsPage(status: number, data: unknown): RunsPage {
    const runs = (data as { workflow_runs?: unknown })?.workflow_runs;
    if (!Array.isArray(runs)) throw malformed();
    return { runs: runs.map((run) => this.toRun(run as GitHubRun)), notModified: status === 304 };
  }

  async defaultBranch(): Promise<string | undefined> {
    const response = await this.octokit.rest.repos.get(this.repoParams);
    const branch = (response.data as { default_branch?: unknown } | undefined)?.default_branch;
    return typeof branch === 'string' && branch ? branch : undefined;
  }

  async deployingRuns(): Promise<undefined> {
    return undefined;
  }

  async workflows(): Promise<Workflow[]> {
    const workflows = await this.octokit.paginate(this.octokit.rest.actions.listRepoWorkflows, {
      ...this.repoParams,
      per_page: 100,
    });
    if (!Array.isArray(workflows)) throw malformed();
    for (const workflow of workflows) this.workflowFiles.set(workflow.id, fileName(workflow.path));
    return workflows.map((workflow) => ({
      id: workflow.id,
      name: workflow.name,
      path: workflow.path,
      active: workflow.state === 'active',
      webUrl: workflow.html_url,
    }));
  }

  async jobs(run: Run): Promise<Job[]> {
    const jobs = await this.octokit.paginate(this.octokit.rest.actions.listJobsForWorkflowRunAttempt, {
      ...this.repoParams,
      run_id: run.id,
      attempt_number: run.attempt,
      per_page: 100,
    });
    if (!Array.isArray(jobs)) throw malformed();
    return jobs.map((job) => ({
      provider: 'github' as const,
      id: job.id,
      runId: job.run_id,
      name: job.name,
      state: githubState(job.status, job.conclusion),
      startedAt: job.started_at ?? undefined,
      finishedAt: job.completed_at ?? undefined,
      webUrl: job.html_url ?? undefined,
      steps: (job.steps ?? []).map((step) => ({
        number: step.number,
        name: step.name,
        state: githubState(step.status, step.conclusion),
        startedAt: step.started_at ?? undefined,
        finishedAt: step.completed_at ?? undefined,
      })),
    }));
  }

  async jobLog(job: Job): Promise<string> {
    const response = await this.octokit.rest.actions.downloadJobLogsForWorkflowRun({
      ...this.repoParams,
      job_id: job.id,
    });
    const data: unknown = response.data;
    if (typeof data === 'string') return data;
    if (data instanceof ArrayBuffer) return new TextDecoder().decode(data);
    throw malformed();
  }

  async cancel(run: Run): Promise<void> {
    await this.octokit.rest.actions.cancelWorkflowRun({ ...this.repoParams, run_id: run.id });
  }

  async rerun(run: Run): Promise<void> {
    await this.octokit.rest.actions.reRunWorkflow({ ...this.repoParams, run_id: run.id });
  }

  async rerunFailed(run: Run): Promise<void> {
    await this.octokit.rest.actions.reRunWorkflowFailedJobs({ ...this.repoParams, run_id: run.id });
  }

  async retryJob(job: Job): Promise<void> {
    await this.octokit.rest.actions.reRunJobForWorkflowRun({ ...this.repoParams, job_id: job.id });
  }

  async cancelJob(): Promise<void> {
    throw new ApiError('rejected', 'GitHub cancels whole runs, not single jobs');
  }

  async playJob(): Promise<void> {
    throw new ApiError('rejected', 'GitHub has no manual jobs');
  }

  async dispatch(workflow: Workflow, ref: string, inputs: Record<string, string>): Promise<void> {
    await this.octokit.rest.actions.createWorkflowDispatch({
      ...this.repoParams,
      workflow_id: fileName(workflow.path),
      ref,
      ...(Object.keys(inputs).length ? { inputs } : {}),
    });
  }

  async createPipeline(): Promise<Run> {
    throw new ApiError('rejected', 'GitHub starts workflows with Run Workflow…');
  }

  async environments(): Promise<string[]> {
    const response = await this.octokit.rest.repos.getAllEnvironments({ ...this.repoParams, per_page: 100 });
    const environments = response.data.environments;
    if (environments !== undefined && !Array.isArray(environments)) throw malformed();
    return (environments ?? []).map((environment) => environment.name);
  }

  async fileText(path: string, ref: string): Promise<string | undefined> {
    const response = await this.octokit.rest.repos.getContent({ ...this.repoParams, path, ref });
    const data = response.data as { content?: unknown; encoding?: unknown };
    if (typeof data?.content !== 'string') return undefined;
    return data.encoding === 'base64' ? Buffer.from(data.content, 'base64').toString('utf8') : data.content;
  }

  async annotations(sha: string): Promise<CiAnnotation[]> {
    const checks = await this.octokit.rest.checks.listForRef({ ...this.repoParams, ref: sha, per_page: 100 });
    const runs = checks.data.check_runs;
    if (!Array.isArray(runs)) throw malformed();
    const annotated = runs.filter(
      (check) =>
        (check.output?.annotations_count ?? 0) > 0 && check.conclusion !== 'success' && check.conclusion !== 'skipped',
    );
    const lists = await Promise.all(
      annotated.map(async (check) => {
        const found = await this.octokit.rest.checks.listAnnotations({
          ...this.repoParams,
          check_run_id: check.id,
          per_page: 100,
        });
        if (!Array.isArray(found.data)) throw malformed();
        return found.data.map<CiAnnotation>((annotation) => ({
          source: 'GitHub Actions',
          path: annotation.path,
          startLine: annotation.start_line,
          endLine: annotation.end_line,
          startColumn: annotation.start_column ?? undefined,
          endColumn: annotation.end_column ?? undefined,
          level: annotationLevel(annotation.annotation_level),
          message: annotation.message ?? '',
          title: annotation.title ?? undefined,
          url: check.html_url ?? check.details_url ?? '',
        }));
      }),
    );
    return lists.flat();
  }

  private toRun(run: GitHubRun): Run {
    if (typeof run?.id !== 'number') throw malformed();
    return {
      provider: 'github',
      id: run.id,
      attempt: run.run_attempt ?? 1,
      name: run.name ?? run.display_title ?? 'workflow',
      number: run.run_number,
      branch: run.head_branch ?? undefined,
      event: run.event,
      actor: run.triggering_actor?.login ?? run.actor?.login,
      sha: run.head_sha,
      commitMessage: run.head_commit?.message ?? run.display_title,
      state: githubState(run.status, run.conclusion),
      createdAt: run.created_at,
      startedAt: run.run_started_at ?? undefined,
      // GitHub has no completed_at on runs: updated_at is when the last job finished.
      finishedAt: run.status === 'completed' ? run.updated_at : undefined,
      webUrl: run.html_url,
      workflowId: run.workflow_id,
      workflowPath: run.path,
    };
  }
}

/** The fields of GitHub's workflow-run object that the model reads. */
interface GitHubRun {
  id: number;
  name?: string | null;
  display_title?: string;
  run_number: number;
  run_attempt?: number;
  head_branch?: string | null;
  head_sha: string;
  event?: string;
  status?: string | null;
  conclusion?: string | null;
  created_at: string;
  updated_at: string;
  run_started_at?: string;
  html_url: string;
  workflow_id?: number;
  path?: string;
  actor?: { login: string } | null;
  triggering_actor?: { login: string } | null;
  head_commit?: { message?: string } | null;
}

function fileName(path: string): string {
  return path.split('/').pop() ?? path;
}

function annotationLevel(level: string | null | undefined): CiAnnotation['level'] {
  return level === 'failure' || level === 'warning' ? level : 'notice';
}

function malformed(): ApiError {
  return new ApiError('malformed', 'GitHub sent an answer that is not the expected JSON');
}
