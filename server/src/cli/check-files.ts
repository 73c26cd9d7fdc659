import type { LoadedConfig } from '../engine/config';
import { isIgnoredByConfig } from '../engine/config';
import type { Linter } from '../engine/linter';
import type { Finding } from '../engine/types';
import { resultKey, type ResultCache } from './cache/result-cache';
import { checkHere, groupOf } from './parallel/check-queue';
import { threadCount, type CheckPool } from './parallel/check-pool';

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
  /** `--jobs`; undefined for the default (see threadCount). */
  jobs: number | undefined;
  /** The workers, perhaps started already (run-check.ts): grown or shrunk here to what the work needs. */
  pool: CheckPool;
}

interface Pending {
  index: number;
  path: string;
  config?: LoadedConfig;
  key?: string;
}

/**
 * Every file's outcome, in the order given: from the cache when it still holds, else checked here or,
 * with enough files, here and on worker threads. The workspace must already hold every file.
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

  const characters = pending.reduce((sum, file) => sum + (linter.workspace.text(file.path)?.length ?? 0), 0);
  const threads = threadCount(options.jobs, pending.length, characters);
  await options.pool.shrink(threads - 1);
  options.pool.grow(threads - 1);
  const results =
    threads > 1
      ? await options.pool.check(
          linter,
          pending.map((file) => file.path),
          (path) => groupOf(linter.workspace.classification(path)?.kind),
          cache !== undefined,
        )
      : undefined;
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
