import type { LoadedConfig } from '../engine/config';
import { isIgnoredByConfig } from '../engine/config';
import type { Linter } from '../engine/linter';
import type { Finding } from '../engine/types';
import { DependencyRecorder } from './cache/dependencies';
import { resultKey, type ResultCache } from './cache/result-cache';
import { checkInWorkers, workerCount } from './parallel/check-pool';
import type { WorkerResult } from './parallel/protocol';

/** What the CLI needs of one file's check, whether it ran here, in a worker, or came from the cache. */
export interface FileOutcome {
  config?: LoadedConfig;
  /** The file is a kind Shipshape checks. */
  checked: boolean;
  ignored: boolean;
  findings: Finding[];
}

export interface CheckOptions {
  cache?: ResultCache;
  /** `--jobs`; undefined for the default (see workerCount). */
  jobs: number | undefined;
  /** The script a worker thread runs: the CLI's own bundle. */
  workerScript: string;
}

interface Pending {
  index: number;
  path: string;
  config?: LoadedConfig;
  key?: string;
}

/**
 * Every file's outcome, in the order given: from the cache when it still holds, else checked here or,
 * with enough files, on worker threads. The workspace must already hold every file.
 */
export async function checkFiles(
  linter: Linter,
  paths: readonly string[],
  options: CheckOptions,
): Promise<FileOutcome[]> {
  const { cache } = options;
  const outcomes: FileOutcome[] = new Array(paths.length);
  const pending: Pending[] = [];
  paths.forEach((path, index) => {
    const config = linter.configs.forFile(path);
    if (isIgnoredByConfig(config, path)) {
      outcomes[index] = { config, checked: false, ignored: true, findings: [] };
      return;
    }
    const key =
      cache && resultKey(path, linter.workspace.text(path) ?? '', linter.workspace.classification(path), config);
    const stored = key === undefined ? undefined : cache?.lookup(path, key);
    if (stored) outcomes[index] = { config, ignored: false, ...stored };
    else pending.push({ index, path, config, key });
  });

  const workers = workerCount(options.jobs, pending.length);
  const results = workers > 1 ? await checkElsewhere(linter, pending, options, workers) : undefined;
  for (const file of pending) {
    const result = results?.get(file.path) ?? checkHere(linter, file.path, cache !== undefined);
    outcomes[file.index] = {
      config: file.config,
      checked: result.checked,
      ignored: result.ignored,
      findings: result.findings,
    };
    if (cache && file.key !== undefined && !result.ignored) {
      cache.store(
        file.path,
        file.key,
        { checked: result.checked, findings: result.findings },
        result.reads!,
        result.host!,
      );
    }
  }
  return outcomes;
}

/** One file checked in this thread (the main one, or a worker's). */
export function checkHere(linter: Linter, path: string, record: boolean): WorkerResult {
  const recorder = record ? new DependencyRecorder() : undefined;
  const result = linter.lint(path, undefined, { observer: recorder });
  return {
    path,
    checked: result.file !== undefined,
    ignored: result.ignored,
    findings: result.findings,
    reads: recorder?.workspace,
    host: recorder?.host,
  };
}

function checkElsewhere(linter: Linter, pending: readonly Pending[], options: CheckOptions, workers: number) {
  const files = linter.workspace.paths().map((path) => ({ path, text: linter.workspace.text(path) ?? '' }));
  const setup = { files, record: options.cache !== undefined };
  return checkInWorkers(
    options.workerScript,
    setup,
    pending.map((file) => file.path),
    workers,
  );
}
