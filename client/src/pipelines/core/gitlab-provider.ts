/**
 * GitLab CI through @gitbeaker/rest, with our own request handler so that requests go through the
 * injected fetch and clock. Gitbeaker's built-in handler retries 429 ten times in quick succession;
 * ours does not: a 429 or `RateLimit-Remaining: 0` becomes an ApiError with the time to come back.
 */
import { Deployments, Jobs, Pipelines, Projects } from '@gitbeaker/rest';
import { createRequesterFn } from '@gitbeaker/requester-utils';
import type { CiAnnotation } from './annotations/annotation';
import { jobFailureAnnotation, testReportAnnotations, type GitLabTestReport } from './annotations/gitlab-report';
import {
  ApiError,
  TransportError,
  errorForStatus,
  timedFetch,
  type Clock,
  type FetchLike,
  type HeaderBag,
} from './http';
import { gitlabState, type Job, type Run, type RunsPage, type Workflow } from './model';
import type { PipelineProvider, RateLimitInfo } from './provider';

export interface GitLabProviderOptions {
  /** Instance URL, e.g. `https://gitlab.com`. */
  url: string;
  /** Project path with subgroups: `group/sub/project`. */
  projectPath: string;
  token?: string;
  fetch: FetchLike;
  clock: Clock;
  timeoutMs?: number;
}

interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | FormData;
  prefixUrl?: string;
  searchParams?: string;
  signal?: AbortSignal;
}

/** The fields of a deployment we read (GitLab's Deployments API). */
interface GitLabDeployment {
  status?: unknown;
  deployable?: { pipeline?: { id?: unknown } } | null;
}

const DEPLOYED = new Set(['running', 'success', 'failed', 'canceled']);

export class GitLabProvider implements PipelineProvider {
  readonly kind = 'gitlab' as const;
  readonly authenticated: boolean;
  readonly rateLimit: RateLimitInfo = {};
  private readonly pipelines: InstanceType<typeof Pipelines<false>>;
  private readonly jobsApi: InstanceType<typeof Jobs<false>>;
  private readonly projects: InstanceType<typeof Projects<false>>;
  private readonly deployments: InstanceType<typeof Deployments<false>>;
  private readonly project: string;

  constructor(private readonly options: GitLabProviderOptions) {
    this.project = options.projectPath;
    this.authenticated = Boolean(options.token);
    const fetchWithTimeout = timedFetch(options.fetch, options.clock, options.timeoutMs ?? 30_000);
    const requesterFn = createRequesterFn(
      (_service, requestOptions) => Promise.resolve(requestOptions),
      (endpoint: string, requestOptions?: Record<string, unknown>) =>
        this.send(fetchWithTimeout, endpoint, (requestOptions ?? {}) as RequestOptions) as Promise<never>,
    );
    const config = {
      host: options.url.replace(/\/+$/, ''),
      ...(options.token ? { token: options.token } : { token: '' }),
      requesterFn,
      // No client-side queue: the server's RateLimit-* answers are what we honour.
      rateLimits: {},
    };
    this.pipelines = new Pipelines(config);
    this.jobsApi = new Jobs(config);
    this.projects = new Projects(config);
    this.deployments = new Deployments(config);
  }

  private async send(fetchImpl: FetchLike, endpoint: string, options: RequestOptions) {
    const base = options.prefixUrl?.endsWith('/') ? options.prefixUrl : `${options.prefixUrl ?? ''}/`;
    const url = new URL(endpoint, base);
    url.search = options.searchParams ?? '';
    const headers = { ...options.headers };
    // An empty PRIVATE-TOKEN header makes GitLab answer 401 even for public projects.
    if (!headers['private-token']) delete headers['private-token'];
    let response: Response;
    try {
      response = await fetchImpl(url, { method: options.method ?? 'GET', headers, body: options.body });
    } catch (error) {
      if (error instanceof TransportError) throw new ApiError(error.kind, `GitLab: ${error.message}`);
      throw error;
    }
    const headerBag: HeaderBag = Object.fromEntries(response.headers.entries());
    this.noteRateLimit(headerBag);
    if (!response.ok) throw errorForStatus('GitLab', response.status, headerBag, this.options.clock.now());
    const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const text = response.status === 204 ? '' : await response.text();
    let body: unknown = text;
    if (type === 'application/json') {
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        throw malformed();
      }
    }
    return { body, headers: headerBag, status: response.status };
  }

  private noteRateLimit(headers: HeaderBag): void {
    if (headers['ratelimit-limit'] === undefined) return;
    this.rateLimit.limit = Number(headers['ratelimit-limit']);
    this.rateLimit.remaining = Number(headers['ratelimit-remaining']);
    const reset = Number(headers['ratelimit-reset']);
    this.rateLimit.resetAt = Number.isFinite(reset) ? reset * 1000 : undefined;
  }

  async branchRuns(branch: string, limit: number): Promise<RunsPage> {
    const pipelines = await this.pipelines.all(this.project, { ref: branch, perPage: limit, page: 1 } as never);
    return { runs: this.toRuns(pipelines), notModified: false };
  }

  async defaultBranch(): Promise<string | undefined> {
    const project = (await this.projects.show(this.project)) as { default_branch?: unknown } | undefined;
    const branch = project?.default_branch;
    return typeof branch === 'string' && branch ? branch : undefined;
  }

  async deployingRuns(): Promise<Set<number>> {
    const deployments = await this.deployments.all(this.project, {
      orderBy: 'updated_at',
      sort: 'desc',
      perPage: 100,
      page: 1,
    } as never);
    if (!Array.isArray(deployments)) throw malformed();
    const ids = new Set<number>();
    for (const deployment of deployments as GitLabDeployment[]) {
      // `created`, `blocked` and `skipped` deployments never ran: their pipeline did not deploy.
      if (!DEPLOYED.has(String(deployment.status))) continue;
      const pipelineId = deployment.deployable?.pipeline?.id;
      if (typeof pipelineId === 'number') ids.add(pipelineId);
    }
    return ids;
  }

  async workflows(): Promise<Workflow[]> {
    return [];
  }

  async workflowRuns(_workflowId: number | undefined, limit: number): Promise<RunsPage> {
    const pipelines = await this.pipelines.all(this.project, { perPage: limit, page: 1 } as never);
    return { runs: this.toRuns(pipelines), notModified: false };
  }

  async jobs(run: Run): Promise<Job[]> {
    const project = run.projectId ?? this.project;
    // Both lists follow `Link: rel="next"` through gitbeaker's pagination.
    const [jobs, bridges] = await Promise.all([
      this.jobsApi.all(project, { pipelineId: run.id, perPage: 100 }),
      this.jobsApi.allPipelineBridges(project, run.id),
    ]);
    if (!Array.isArray(jobs) || !Array.isArray(bridges)) throw malformed();
    // Jobs and bridge (trigger) jobs share their fields; a bridge also leads to its downstream pipeline.
    const toJob = (job: (typeof jobs)[number] | (typeof bridges)[number]): Job => ({
      provider: 'gitlab',
      id: job.id,
      runId: run.id,
      projectId: project,
      name: job.name,
      state: gitlabState(job.status),
      stage: job.stage,
      startedAt: job.started_at ?? undefined,
      finishedAt: job.finished_at ?? undefined,
      webUrl: job.web_url,
      steps: [],
    });
    const plain = jobs.map(toJob);
    const triggers: Job[] = bridges.map((bridge) => ({
      ...toJob(bridge),
      isBridge: true,
      downstream: bridge.downstream_pipeline ? this.toRun(bridge.downstream_pipeline, true) : undefined,
    }));
    return [...plain, ...triggers];
  }

  async jobLog(job: Job): Promise<string> {
    const log: unknown = await this.jobsApi.showLog(job.projectId ?? this.project, job.id);
    if (typeof log !== 'string') throw malformed();
    return log;
  }

  async cancel(run: Run): Promise<void> {
    await this.pipelines.cancel(run.projectId ?? this.project, run.id);
  }

  async rerun(run: Run): Promise<void> {
    await this.pipelines.retry(run.projectId ?? this.project, run.id);
  }

  async rerunFailed(run: Run): Promise<void> {
    // GitLab's pipeline retry already retries only the failed and cancelled jobs.
    await this.rerun(run);
  }

  async retryJob(job: Job): Promise<void> {
    await this.jobsApi.retry(job.projectId ?? this.project, job.id);
  }

  async cancelJob(job: Job): Promise<void> {
    await this.jobsApi.cancel(job.projectId ?? this.project, job.id);
  }

  async playJob(job: Job): Promise<void> {
    await this.jobsApi.play(job.projectId ?? this.project, job.id);
  }

  async dispatch(): Promise<void> {
    throw new ApiError('rejected', 'GitLab starts pipelines with Run Pipeline…');
  }

  async createPipeline(ref: string, variables: Record<string, string>): Promise<Run> {
    const list = Object.entries(variables).map(([key, value]) => ({ key, value, variable_type: 'env_var' }));
    const pipeline = await this.pipelines.create(this.project, ref, list.length ? { variables: list } : {});
    return this.toRun(pipeline);
  }

  async environments(): Promise<string[]> {
    return [];
  }

  async fileText(): Promise<string | undefined> {
    return undefined;
  }

  async annotations(sha: string): Promise<CiAnnotation[]> {
    const pipelines = await this.pipelines.all(this.project, { sha, perPage: 1, page: 1 } as never);
    if (!Array.isArray(pipelines)) throw malformed();
    const newest = pipelines[0] as GitLabPipeline | undefined;
    if (!newest || gitlabState(newest.status) === 'success') return [];
    const [jobs, report] = await Promise.all([
      this.jobsApi.all(this.project, { pipelineId: newest.id, perPage: 100 }),
      this.pipelines.showTestReport(this.project, newest.id) as Promise<GitLabTestReport>,
    ]);
    if (!Array.isArray(jobs)) throw malformed();
    const failedJobs = jobs.filter((job) => job.status === 'failed' && !job.allow_failure);
    return [
      ...failedJobs.map((job) =>
        jobFailureAnnotation({ name: job.name, failure_reason: job.failure_reason, web_url: job.web_url }),
      ),
      ...testReportAnnotations(report ?? {}, newest.web_url),
    ];
  }

  private toRuns(pipelines: unknown): Run[] {
    if (!Array.isArray(pipelines)) throw malformed();
    return pipelines.map((pipeline) => this.toRun(pipeline as GitLabPipeline));
  }

  /** `downstream`: a child or multi-project pipeline, addressed by its own project's id. */
  private toRun(pipeline: GitLabPipeline, downstream = false): Run {
    if (typeof pipeline?.id !== 'number') throw malformed();
    return {
      provider: 'gitlab',
      id: pipeline.id,
      ...(downstream && pipeline.project_id !== undefined ? { projectId: pipeline.project_id } : {}),
      attempt: 1,
      name: 'Pipeline',
      number: pipeline.iid ?? pipeline.id,
      branch: pipeline.ref,
      event: pipeline.source,
      actor: pipeline.user?.username,
      sha: pipeline.sha,
      state: gitlabState(pipeline.status),
      createdAt: pipeline.created_at,
      startedAt: pipeline.started_at ?? undefined,
      finishedAt: pipeline.finished_at ?? undefined,
      webUrl: pipeline.web_url,
    };
  }
}

interface GitLabPipeline {
  id: number;
  iid?: number;
  project_id?: number;
  sha: string;
  ref?: string;
  status: string;
  source?: string;
  created_at: string;
  started_at?: string | null;
  finished_at?: string | null;
  web_url: string;
  user?: { username?: string };
}

function malformed(): ApiError {
  return new ApiError('malformed', 'GitLab sent an answer that is not the expected JSON');
}
