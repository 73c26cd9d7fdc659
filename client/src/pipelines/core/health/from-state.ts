/** Health figures of the lists a repository's state already holds: one workflow, or GitLab's pipelines per ref. */
import type { Run } from '../model';
import type { RepositoryState } from '../repository-state';
import { deployDetector } from './deploys';
import { healthFigures, runKey, type HealthFigures } from './figures';
import type { JobsOfRun } from './jobs';

/** The loaded job lists of the given runs, each with the attempt it was read for. */
export function loadedJobs(state: RepositoryState, runs: Run[]): JobsOfRun[] {
  const byKey = new Map(runs.map((run) => [runKey(run), run]));
  const entries: JobsOfRun[] = [];
  for (const [key, loaded] of state.jobs) {
    const [projectId, id, attempt] = key.split(':');
    const run = byKey.get(`${projectId}:${id}`);
    if (run && loaded.value) entries.push({ run: { ...run, attempt: Number(attempt) }, jobs: loaded.value });
  }
  return entries;
}

export function figuresOf(state: RepositoryState, runs: Run[], window: number, now: number): HealthFigures {
  const defaultBranch = state.defaultBranch || undefined;
  return healthFigures({
    runs,
    jobs: loadedJobs(state, runs),
    window,
    now,
    defaultBranch,
    isDeploy: deployDetector(state),
  });
}

/** GitHub: one workflow's fetched runs; undefined until they are loaded. */
export function workflowHealth(
  state: RepositoryState,
  workflowId: number,
  window: number,
  now: number,
): HealthFigures | undefined {
  const runs = state.workflowRuns.get(workflowId)?.value;
  return runs ? figuresOf(state, runs, window, now) : undefined;
}

/** GitLab: the project's fetched pipelines grouped by ref, refs with the most pipelines first. */
export function healthByRef(state: RepositoryState, runs: Run[], window: number, now: number) {
  const refs = new Map<string, Run[]>();
  for (const run of runs) {
    const ref = run.branch ?? '(no ref)';
    refs.set(ref, [...(refs.get(ref) ?? []), run]);
  }
  return [...refs]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([ref, refRuns]) => ({ ref, figures: figuresOf(state, refRuns, window, now) }));
}
