import { Worker } from 'node:worker_threads';
import type { FromWorker, WorkerData } from './check-protocol';

/** What the owner of a checking worker is told: its messages, and its end. */
export interface WorkerHandlers {
  message(message: FromWorker): void;
  error(error: Error): void;
  exit(code: number): void;
}

/** A checking worker that is booting or running, and what it said before anyone listened. */
export interface StartedWorker {
  readonly worker: Worker;
  /** Where the worker writes which step of a check it is in (see `WorkerData.step`). */
  readonly step: Int32Array<SharedArrayBuffer>;
  /** The main thread has loaded its chunk: the worker may load its own (see `untilMainThreadLoaded`). */
  mainThreadLoaded(): void;
  /** From now on `handlers` hear the worker: first what it said so far (`ready`, logs, an early exit), in order. */
  takeOver(handlers: WorkerHandlers): void;
}

type Event =
  { kind: 'message'; message: FromWorker } | { kind: 'error'; error: Error } | { kind: 'exit'; code: number };

/**
 * Starts `script` as the server's checking worker. dist/server.js does it first thing, before loading the
 * main thread's chunk, so that Node boots the worker thread while the main thread loads and answers
 * `initialize` (issue 16: the first diagnostics). Until the `CheckRunner` takes it over, its messages are
 * kept, not lost; its output streams keep theirs until they are read.
 * `mainThreadLoading`: it waits for `mainThreadLoaded()` before it loads its chunk (see check-protocol.ts).
 * The worker only reads files: it runs no program (the script checkers' programs run on the main thread,
 * named by the client's settings), so starting it before `initialize` runs nothing the settings did not allow.
 */
export function startCheckWorker(
  script: string,
  step = new Int32Array(new SharedArrayBuffer(4)),
  { mainThreadLoading = false } = {},
): StartedWorker {
  const loaded = mainThreadLoading ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  const workerData: WorkerData = {
    role: 'shipshape-check-worker',
    step: step.buffer,
    mainThreadLoaded: loaded?.buffer,
  };
  // The worker's own output must never reach stdout: over --stdio that is the protocol channel.
  const worker = new Worker(script, { workerData, stdout: true, stderr: true });
  // The server ends with its connection, whether or not the worker is still checking something.
  worker.unref();
  const early: Event[] = [];
  const keep = {
    message: (message: FromWorker) => early.push({ kind: 'message', message }),
    error: (error: Error) => early.push({ kind: 'error', error }),
    exit: (code: number) => early.push({ kind: 'exit', code }),
  };
  worker.on('message', keep.message).on('error', keep.error).on('exit', keep.exit);
  return {
    worker,
    step,
    mainThreadLoaded() {
      if (!loaded) return;
      Atomics.store(loaded, 0, 1);
      Atomics.notify(loaded, 0);
    },
    takeOver(handlers) {
      worker.off('message', keep.message).off('error', keep.error).off('exit', keep.exit);
      worker.on('message', handlers.message).on('error', handlers.error).on('exit', handlers.exit);
      // Events arrive from the event loop, so none can come between these and the ones kept.
      for (const event of early.splice(0)) {
        if (event.kind === 'message') handlers.message(event.message);
        else if (event.kind === 'error') handlers.error(event.error);
        else handlers.exit(event.code);
      }
    },
  };
}
