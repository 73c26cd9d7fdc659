/**
 * What the view needs from a CI service. GitHub and GitLab implement it; everything above (polling,
 * rows, notifications) is written against this interface only.
 */
import type { CiAnnotation } from './annotations/annotation';
import type { Job, ProviderKind, Run, RunsPage, Workflow } from './model';

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** Epoch ms when the window resets. */
  resetAt?: number;
}

export interface PipelineProvider {
  readonly kind: ProviderKind;
  /** Whether requests carry credentials (the view says "60 requests an hour" otherwise). */
  readonly authenticated: boolean;
  /** The last rate-limit figures the server sent. */
  readonly rateLimit: RateLimitInfo;

  /** The repository's default branch (GitHub's `default_branch`, GitLab's project `default_branch`). */
  defaultBranch(): Promise<string | undefined>;
  /**
   * GitLab: the ids of recent pipelines that ran a deployment job (its deployments API). GitHub:
   * undefined, a run deploys when its workflow file gives a job an `environment:`.
   */
  deployingRuns(): Promise<Set<number> | undefined>;
  /** Runs of one branch, newest first. */
  branchRuns(branch: string, limit: number): Promise<RunsPage>;
  /** GitHub: the repository's workflows. GitLab: none (pipelines are listed by `recentRuns`). */
  workflows(): Promise<Workflow[]>;
  /** GitHub: the runs of one workflow; GitLab: the project's pipelines on any ref (workflowId ignored). */
  workflowRuns(workflowId: number | undefined, limit: number): Promise<RunsPage>;
  /** Jobs of a run (its attempt on GitHub), with steps (GitHub) or stages and bridges (GitLab). */
  jobs(run: Run): Promise<Job[]>;
  /** The raw log of a job. */
  jobLog(job: Job): Promise<string>;

  cancel(run: Run): Promise<void>;
  /** GitHub: re-run all jobs; GitLab: retry the pipeline's failed jobs. */
  rerun(run: Run): Promise<void>;
  /** GitHub only: re-run the failed jobs (GitLab's retry already does that). */
  rerunFailed(run: Run): Promise<void>;
  retryJob(job: Job): Promise<void>;
  cancelJob(job: Job): Promise<void>;
  /** GitLab: start a manual job. */
  playJob(job: Job): Promise<void>;

  /** GitHub: `workflow_dispatch`. Inputs are sent as strings, as GitHub's own UI does. */
  dispatch(workflow: Workflow, ref: string, inputs: Record<string, string>): Promise<void>;
  /** GitLab: a new pipeline on `ref` with variables. */
  createPipeline(ref: string, variables: Record<string, string>): Promise<Run>;
  /** GitHub: deployment environments of the repository (for `environment` inputs). */
  environments(): Promise<string[]>;
  /** GitHub: a file's text at a ref (the workflow file, when the workspace does not have it). */
  fileText(path: string, ref: string): Promise<string | undefined>;
  /**
   * What the CI reported at file lines for one commit, leaving out checks that passed. GitHub: check-run
   * annotations; GitLab: failed jobs' reasons and the test report's failures of the commit's newest pipeline.
   */
  annotations(sha: string): Promise<CiAnnotation[]>;
}
