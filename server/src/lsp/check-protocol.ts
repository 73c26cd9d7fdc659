import type { RuleSettings } from '../engine/config';
import type { Finding } from '../engine/types';
import type { WorkspaceChange } from './workspace-mirror';

/** What the server sends its checking worker: the workspace's changes, in order, and checks to run. */
export type ToWorker =
  | WorkspaceChange
  | { kind: 'lint'; id: number; path: string; rules?: RuleSettings }
  | { kind: 'heapUsage'; id: number };

export type FromWorker =
  /** Loaded and warmed up: checks sent from now on are timed from their `started`. */
  | { kind: 'ready' }
  | { kind: 'started'; id: number }
  /** The workspace folders are read: cross-file rules run from now on, so open files are due a re-check. */
  | { kind: 'indexed' }
  | { kind: 'result'; id: number; findings: Finding[] }
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
