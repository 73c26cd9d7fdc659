/**
 * Which watched runs just finished. A run is reported when it is seen going from a running state to
 * a finished one, once per such transition: a run already finished when first seen is not news, and
 * a re-run that finishes again is reported again.
 */
import { isCompleted, type Run } from './model';

export type NotifySetting = 'all' | 'failures' | 'off';

interface DispatchWatch {
  repoKey: string;
  workflowId?: number;
  ref: string;
  /** Runs created from this epoch ms on are the dispatched one. */
  since: number;
}

export class CompletionTracker {
  private readonly lastState = new Map<string, Run['state']>();
  private readonly extra = new Set<string>();
  private dispatches: DispatchWatch[] = [];

  /** Watch a run started or re-run from the view, wherever it is listed. */
  watchRun(repoKey: string, run: Run): void {
    this.extra.add(runKey(repoKey, run));
    // Its next state (queued again after a re-run) must count as "running" even if not polled yet.
    this.lastState.set(runKey(repoKey, run), 'queued');
  }

  /** Watch the run a dispatch (or a new pipeline) will create: the next one on `ref` created after `since`. */
  watchDispatch(repoKey: string, ref: string, since: number, workflowId?: number): void {
    this.dispatches.push({ repoKey, ref, since, workflowId });
  }

  /**
   * Feed the runs a poll returned; `watchAll` for the current branch's list. Returns the runs that
   * finished since the last observation.
   */
  observe(repoKey: string, runs: Run[], watchAll: boolean): Run[] {
    const finished: Run[] = [];
    for (const run of runs) {
      const key = runKey(repoKey, run);
      if (!watchAll && !this.extra.has(key) && !this.claimDispatch(repoKey, run, key)) continue;
      const before = this.lastState.get(key);
      this.lastState.set(key, run.state);
      if (before !== undefined && !isCompleted(before) && isCompleted(run.state)) finished.push(run);
    }
    return finished;
  }

  private claimDispatch(repoKey: string, run: Run, key: string): boolean {
    const index = this.dispatches.findIndex(
      (watch) =>
        watch.repoKey === repoKey &&
        watch.ref === run.branch &&
        (watch.workflowId === undefined || watch.workflowId === run.workflowId) &&
        Date.parse(run.createdAt) >= watch.since,
    );
    if (index < 0) return false;
    this.dispatches.splice(index, 1);
    this.extra.add(key);
    if (!this.lastState.has(key)) this.lastState.set(key, 'queued');
    return true;
  }
}

function runKey(repoKey: string, run: Run): string {
  return `${repoKey}#${run.projectId ?? ''}#${run.id}`;
}

/** Whether the user's `shipshape.pipelines.notify` setting wants this finished run announced. */
export function wantsNotification(setting: NotifySetting, run: Run): boolean {
  if (setting === 'off') return false;
  if (setting === 'all') return true;
  return run.state === 'failure';
}
