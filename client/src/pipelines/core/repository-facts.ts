/**
 * What the health figures need to know about a repository besides its runs: its default branch and
 * which runs deploy. Each reader updates the state and returns the error it met, for the rate limit.
 */
import type { ApiError } from './http';
import { isCompleted } from './model';
import type { PipelineProvider } from './provider';
import { workflowDeploys, type WorkflowDeploys } from './health/deploys';
import { GITLAB_PIPELINES, asApiError, type RepositoryState, type WorkspaceFileReader } from './repository-state';

/** A failure keeps the guess from the runs (`''`) and lets the poll go on. */
export async function readDefaultBranch(state: RepositoryState, provider: PipelineProvider) {
  try {
    state.defaultBranch = (await provider.defaultBranch()) ?? '';
    return undefined;
  } catch (error) {
    state.defaultBranch ??= '';
    return asApiError(error);
  }
}

/** GitHub: the deploy jobs of the workflow files the workspace has (no request). */
export async function readDeployJobs(state: RepositoryState, read: WorkspaceFileReader | undefined): Promise<void> {
  if (!read) return;
  const deployJobs = new Map<string, WorkflowDeploys>();
  for (const workflow of state.workflows.value ?? []) {
    const text = await read(state.folder, workflow.path).catch(() => undefined);
    const deploys = text === undefined ? undefined : workflowDeploys(text);
    if (deploys) deployJobs.set(workflow.path, deploys);
  }
  state.deployJobs = deployJobs;
}

/** GitLab: the deployments, asked again only when a pipeline completed since they were read. */
export async function readDeployingRuns(
  state: RepositoryState,
  provider: PipelineProvider,
): Promise<ApiError | undefined> {
  const completed = (state.workflowRuns.get(GITLAB_PIPELINES)?.value ?? [])
    .filter((run) => isCompleted(run.state))
    .map((run) => run.id)
    .join(',');
  if (state.deploysReadFor === completed) return undefined;
  // Also after a failure (a token without access to deployments): not asked again until something completes.
  state.deploysReadFor = completed;
  try {
    state.deployingRuns = await provider.deployingRuns();
    return undefined;
  } catch (error) {
    return asApiError(error);
  }
}
