import { workerData } from 'node:worker_threads';
import type { RuleSettings } from '../engine/config';
import type { Finding } from '../engine/types';
import type { ShellCheckComment } from '../rules/shared/shellcheck/findings';
import type { ShellScript } from '../rules/shared/shellcheck/script';
import type { Reads } from './dependents';
import type { WorkspaceChange } from './workspace-mirror';

/** What the server sends its checking worker: the workspace's changes, in order, and checks to run. */
export type ToWorker =
  | WorkspaceChange
  /**
   * `shellcheck` (the program, '' for the one on the PATH; absent when off): add the ShellCheck findings
   * the worker knows, and name the scripts it does not.
   */
  | { kind: 'lint'; id: number; path: string; rules?: RuleSettings; shellcheck?: string }
  /** ShellCheck's comments on scripts, by `programScriptKey`, run by the server for the worker's `unchecked`. */
  | { kind: 'shellcheckComments'; entries: Array<[string, ShellCheckComment[]]> }
  | { kind: 'heapUsage'; id: number };

export type FromWorker =
  /** Loaded: checks sent from now on are timed from their `started` (after loading the file's kind). */
  | { kind: 'ready' }
  | { kind: 'started'; id: number }
  /** The workspace folders are read: cross-file rules run from now on, so open files are due a re-check. */
  | { kind: 'indexed' }
  /** `unchecked`: the file's scripts ShellCheck has not been run on yet (asked for with `shellcheck`). */
  | { kind: 'result'; id: number; findings: Finding[]; unchecked?: ShellScript[]; reads?: Reads }
  | { kind: 'failed'; id: number; error: string }
  | { kind: 'log'; message: string }
  | { kind: 'heapUsage'; id: number; heapUsed: number };

/** Passed as the worker's `workerData`: where it writes which step of a check it is in. */
export interface WorkerData {
  role: 'shipshape-check-worker';
  /** One Int32: 0 when idle, PARSING_STEP while parsing, else 1 + the index of the running rule in `registry.all`. */
  step: SharedArrayBuffer;
}

export const PARSING_STEP = -1;

/** This thread is the server's checking worker (the same script runs both, see server.ts). */
export function isCheckWorker(): boolean {
  return (workerData as WorkerData | undefined)?.role === 'shipshape-check-worker';
}
