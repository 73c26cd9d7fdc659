/**
 * `--jobs N`: the files are checked by N threads, this one and N − 1 workers, each with the whole workspace
 * (cross-file rules see every file), all claiming small batches from one shared queue (work-queue.ts) so
 * that one slow file does not hold the others up. Workers are started before the files are known, so that
 * loading the engine overlaps the walk. Results come back by path; the caller keeps the files' order, so the
 * output does not depend on N.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Linter } from '../../engine/linter';
import { checkQueue, OTHER_GROUP } from './check-queue';
import { claimUnits } from './claim-units';
import { CHECK_WORKER_ARGUMENT, type FromWorker, type ToWorker, type WorkerResult } from './protocol';
import { shareTexts } from './shared-texts';
import { createQueueState, WorkQueue } from './work-queue';

/**
 * By default each thread gets at least this many files: below that, a worker's start (loading the engine
 * and the parsers, filling its workspace, compiling it all afresh) costs more than it saves.
 */
export const MIN_FILES_PER_THREAD = 32;
/**
 * V8 compiles and collects garbage for each JavaScript thread on other cores: in a short run most of that
 * is compiling, and takes most of a core of its own (`--jobs 1`, 300 Dockerfiles: 1.2 s of CPU on the main
 * thread, 1.1 s on V8's helper threads; 150 workflows: 2.8 s and 1.9 s). A second thread on two cores then
 * only moves the work around (and adds its own start). Over this much text a run is long enough for the
 * compiled code to settle and each thread needs about one core. Measured on 2 cores, alternating `--jobs 1`
 * and `--jobs 2`, medians of 3: the bench's 1,000 mixed files (0.8 MB) 2.13 s on one thread against 2.24 s
 * on two; 4,206 of its 5,000 (3.1 MB) 5.47 s against 4.99 s; all 5,000 (4.1 MB) 7.35 s against 6.26 s.
 * By default the workers of a long run start as soon as the walk has read this much, so that their start
 * overlaps the rest of the walk (started after the walk, the worker of the bench's 10,000 mixed files began
 * checking 1.9 s after the main thread on a loaded machine; 0.2–0.4 s when started this way).
 */
export const LONG_RUN_CHARACTERS = 3 * 1024 * 1024;
/**
 * How many threads (this one included) should check `files` files of `characters` in all: `--jobs N` is
 * obeyed, up to one per file; by default one per core for a long run, one per two cores for a short one.
 */
export function threadCount(
  jobs: number | undefined,
  files: number,
  characters: number,
  cores = availableParallelism(),
): number {
  const coresPerThread = characters >= LONG_RUN_CHARACTERS ? 1 : 2;
  const wanted = jobs ?? Math.min(Math.floor(cores / coresPerThread), Math.floor(files / MIN_FILES_PER_THREAD));
  return Math.max(1, Math.min(wanted, files));
}

interface Started {
  worker: Worker;
  /** Why it stopped before it was asked to check anything. */
  failure?: Error;
}

export class CheckPool {
  private readonly workers: Started[] = [];

  /** `script`: the CLI's own bundle, which serves checks when started with CHECK_WORKER_ARGUMENT. */
  constructor(readonly script: string) {}

  get size(): number {
    return this.workers.length;
  }

  /** Starts workers until there are `count`; each loads the engine meanwhile. */
  grow(count: number): void {
    while (this.workers.length < count) {
      const started: Started = { worker: new Worker(this.script, { argv: [CHECK_WORKER_ARGUMENT] }) };
      started.worker.on('error', (error) => (started.failure ??= error));
      started.worker.on(
        'exit',
        (code) => (started.failure ??= new Error(`a check worker stopped (exit code ${code})`)),
      );
      // Until they are given work, they must not keep the process alive (a run that stops on an error).
      started.worker.unref();
      this.workers.push(started);
    }
  }

  /** Stops the workers beyond `count`: there is less work than they were started for. */
  async shrink(count: number): Promise<void> {
    await Promise.all(this.workers.splice(count).map(({ worker }) => worker.terminate()));
  }

  async close(): Promise<void> {
    await this.shrink(0);
  }

  /**
   * Every path's result, checked here and on the workers. `group`: the queue group of a path (its kind);
   * asked after the workers were sent the workspace, so that they fill theirs meanwhile.
   */
  async check(
    linter: Linter,
    paths: readonly string[],
    group: (path: string) => number,
    record: boolean,
  ): Promise<Map<string, WorkerResult>> {
    const results = new Map<string, WorkerResult>();
    if (this.workers.length > 0) {
      const texts = shareTexts(linter.workspace.paths().map((path) => ({ path, text: linter.workspace.text(path)! })));
      this.post({ type: 'workspace', texts });
    }
    // A claim takes one unit (a folder's files of a kind, see claim-units.ts): small, so that the threads
    // finish together; a claim costs one atomic addition.
    const { units, groups } = claimUnits(paths, OTHER_GROUP + 1, (index) => group(paths[index]));
    const state = createQueueState(groups.length);
    const threads = this.workers.length + 1;
    // Counted, not read off the map's size: a path named twice on the command line is checked twice.
    let received = 0;
    const take = (batch: FromWorker) => {
      for (const result of batch) results.set(result.path, result);
      received += batch.length;
    };
    const finished = this.collect(take, () => received >= paths.length);
    // Should a check here throw, the workers are stopped (run-check.ts) and their exits reject this: known.
    finished.catch(() => undefined);
    this.workers.forEach(({ worker }, index) => {
      const queue = { paths: [...paths], units, groups, state, thread: index + 1, threads, record };
      worker.postMessage({ type: 'queue', ...queue } satisfies ToWorker);
    });
    checkQueue(linter, new WorkQueue(state, groups, 0, threads, 1), { paths, units }, record, take);
    await finished;
    return results;
  }

  private post(message: ToWorker): void {
    for (const { worker } of this.workers) worker.postMessage(message);
  }

  /** Settles once every result is in (`complete`): what the workers claimed, if they claimed anything. */
  private collect(take: (batch: FromWorker) => void, complete: () => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const settle = () => {
        if (!complete()) return;
        for (const { worker } of this.workers) worker.unref();
        resolve();
      };
      for (const started of this.workers) {
        if (started.failure) reject(started.failure);
        started.worker.ref();
        started.worker.on('message', (batch: FromWorker) => {
          take(batch);
          settle();
        });
        started.worker.on('error', reject);
        started.worker.on('exit', (code) => reject(new Error(`a check worker stopped (exit code ${code})`)));
      }
      // The main thread's own results come in synchronously, before this is awaited: look again then.
      queueMicrotask(settle);
    });
  }
}
