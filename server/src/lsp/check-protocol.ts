import { workerData } from 'node:worker_threads';
import type { RuleSettings } from '../engine/config';
import type { Finding } from '../engine/types';
import type { CheckerId } from '../rules/shared/scripts/checker';
import type { MappedScript } from '../rules/shared/scripts/mapped-script';
import type { Reads } from './dependents';
import type { WorkspaceChange } from './workspace-mirror';

/** What the server sends its checking worker: the workspace's changes, in order, and checks to run. */
export type ToWorker =
  | WorkspaceChange
  /**
   * `programs` (the enabled script checkers' programs; absent when all are off): add the checkers' findings
   * the worker knows, and name the scripts it does not.
   */
  | { kind: 'lint'; id: number; path: string; rules?: RuleSettings; programs?: Programs }
  /** Script checkers' comments on scripts, by `programScriptKey`, run by the server for the worker's `unchecked`. */
  | { kind: 'scriptComments'; entries: CheckComments }
  | { kind: 'heapUsage'; id: number };

export type FromWorker =
  /** Loaded: checks sent from now on are timed from their `started` (after loading the file's kind). */
  | { kind: 'ready' }
  | { kind: 'started'; id: number }
  /** The workspace folders are read: cross-file rules run from now on, so open files are due a re-check. */
  | { kind: 'indexed' }
  /** `unchecked`: the file's scripts the checkers have not been run on yet (asked for with `programs`). */
  | { kind: 'result'; id: number; findings: Finding[]; unchecked?: UncheckedScript[]; reads?: Reads }
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

/** Each enabled outside script checker's program: the configured path, or '' for its own on the PATH. */
export type Programs = Partial<Record<CheckerId, string>>;

/** A script a checker has not been run on yet. */
export interface UncheckedScript {
  checker: CheckerId;
  script: MappedScript;
}

/** Programs' comments on scripts, by `programScriptKey` (each checker reads its own comments' shape). */
export type CheckComments = Array<[string, unknown[]]>;

/** This thread is the server's checking worker (the same script runs both, see server.ts). */
export function isCheckWorker(): boolean {
  return (workerData as WorkerData | undefined)?.role === 'shipshape-check-worker';
}
