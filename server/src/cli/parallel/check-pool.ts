/**
 * `--jobs N`: the files are checked on N worker threads, each with the whole workspace (cross-file rules
 * see every file), fed small batches as they finish so that one slow file does not hold the others up.
 * Results come back by path; the caller keeps the files' order, so output does not depend on N.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CHECK_WORKER_ARGUMENT, type WorkerResult, type WorkerSetup } from './protocol';

/**
 * By default, one worker per core, each with at least this many files: below that, starting a worker
 * (loading the engine, parsing what cross-file rules read) costs more than it saves. `--jobs N` is obeyed.
 */
export const MIN_FILES_PER_WORKER = 32;
const BATCH = 8;

/** How many workers to start for this many files; 0 or 1 means check in this thread. */
export function workerCount(jobs: number | undefined, files: number): number {
  if (jobs !== undefined) return Math.min(jobs, files);
  return Math.min(availableParallelism(), Math.floor(files / MIN_FILES_PER_WORKER));
}

export async function checkInWorkers(
  script: string,
  setup: WorkerSetup,
  paths: readonly string[],
  workers: number,
): Promise<Map<string, WorkerResult>> {
  const results = new Map<string, WorkerResult>();
  // Small batches balance the load; no larger than an equal share, so that every worker gets some.
  const batch = Math.max(1, Math.min(BATCH, Math.ceil(paths.length / workers)));
  let next = 0;
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: setup, argv: [CHECK_WORKER_ARGUMENT] });
      let done = false;
      const feed = () => {
        if (next >= paths.length) {
          done = true;
          void worker.terminate().then(() => resolve(), reject);
          return;
        }
        worker.postMessage(paths.slice(next, next + batch));
        next += batch;
      };
      worker.on('message', (batch: WorkerResult[]) => {
        for (const result of batch) results.set(result.path, result);
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!done) reject(new Error(`a check worker stopped (exit code ${code})`));
      });
      feed();
    });
  await Promise.all(Array.from({ length: workers }, run));
  return results;
}
