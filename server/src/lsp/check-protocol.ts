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
  /**
   * One Int32, set to 1 once the server's main thread has loaded its chunk (see `untilMainThreadLoaded`);
   * absent for a worker started after that (a restart).
   */
  mainThreadLoaded?: SharedArrayBuffer;
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

/** How long a worker waits for the main thread's chunk at most, before it loads its own anyway. */
const MAIN_THREAD_WAIT_MS = 3000;

/**
 * Resolves once the server's main thread has loaded its chunk. The worker sets the shell parser's V8 flag
 * (`--liftoff-only`, see host/v8-flags.ts) and then loads its own chunk under it, and V8 rejects a code cache
 * made under other flags: the main chunk's cache is made and read without the flag only if the worker waits
 * to set it. Without the wait the cache was rejected and made again on every start, on the first
 * diagnostics' critical path (issue 16: compiling the main chunk 180–280 ms instead of about 80).
 */
export async function untilMainThreadLoaded(
  data = workerData as WorkerData | undefined,
  maxWaitMs = MAIN_THREAD_WAIT_MS,
): Promise<void> {
  const flag = data?.mainThreadLoaded;
  if (flag === undefined) return;
  // Atomics.waitAsync is in Node since 16; TypeScript's ES2022 library does not declare it.
  const { waitAsync } = Atomics as unknown as {
    waitAsync(array: Int32Array, index: number, value: number, timeoutMs: number): { async: boolean; value: unknown };
  };
  const wait = waitAsync(new Int32Array(flag), 0, 0, maxWaitMs);
  if (!wait.async) return;
  // The wait holds nothing of Node's event loop: a worker with nothing else to do would end while it waits.
  const keepAlive = setTimeout(() => undefined, maxWaitMs);
  try {
    await wait.value;
  } finally {
    clearTimeout(keepAlive);
  }
}

/** This thread is the server's checking worker (the same script runs both, see server.ts). */
export function isCheckWorker(): boolean {
  return (workerData as WorkerData | undefined)?.role === 'shipshape-check-worker';
}
