import type { Finding } from '../../engine/types';
import type { HostDependency, WorkspaceDependencies } from '../cache/dependencies';
import type { SharedTexts } from './shared-texts';

/**
 * The argument a `--jobs` worker thread is started with (it runs the CLI's own script): the script tells
 * it is a worker by this, without loading node:worker_threads at every start-up.
 */
export const CHECK_WORKER_ARGUMENT = '--shipshape-check-worker';

/**
 * To a worker, once it is started (it warms up meanwhile): first the whole workspace, so that cross-file
 * rules see it all, then the files to check, grouped by kind, claimed through the shared queue state.
 */
export type ToWorker =
  | { type: 'workspace'; texts: SharedTexts }
  | {
      type: 'queue';
      paths: string[];
      /** Indexes into `paths`, a folder's files of one kind each (see claim-units.ts). */
      units: number[][];
      /** Indexes into `units`, one group per kind (see work-queue.ts); a claim takes one unit. */
      groups: number[][];
      state: SharedArrayBuffer;
      /** This worker's number (the main thread is 0) and how many threads check. */
      thread: number;
      threads: number;
      /** Record what each check reads, for `--cache`. */
      record: boolean;
    };

/** From a worker: the results of each batch as soon as it is done. */
export type FromWorker = WorkerResult[];

export interface WorkerResult {
  path: string;
  checked: boolean;
  ignored: boolean;
  findings: Finding[];
  reads?: WorkspaceDependencies;
  host?: HostDependency[];
}
