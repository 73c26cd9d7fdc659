import type { Finding } from '../../engine/types';
import type { HostDependency, WorkspaceDependencies } from '../cache/dependencies';

/**
 * The argument a `--jobs` worker thread is started with (it runs the CLI's own script): the script tells
 * it is a worker by this, without loading node:worker_threads at every start-up.
 */
export const CHECK_WORKER_ARGUMENT = '--shipshape-check-worker';

/** What each worker gets once, as `workerData`: the whole workspace, so that cross-file rules see it all. */
export interface WorkerSetup {
  files: Array<{ path: string; text: string }>;
  /** Record what each check reads, for `--cache`. */
  record: boolean;
}

/** A batch of files for one worker to check, by path. */
export type WorkerRequest = string[];

export interface WorkerResult {
  path: string;
  checked: boolean;
  ignored: boolean;
  findings: Finding[];
  reads?: WorkspaceDependencies;
  host?: HostDependency[];
}
