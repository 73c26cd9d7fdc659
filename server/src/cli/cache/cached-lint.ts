import { isAbsolute, join, resolve } from 'node:path';
import { version } from '../../../../package.json';
import type { LoadedConfig } from '../../engine/config';
import { isIgnoredByConfig } from '../../engine/config';
import type { Linter } from '../../engine/linter';
import type { Finding } from '../../engine/types';
import { nodeHost } from '../../host/node-host';
import type { CheckCommand } from '../args';
import { DependencyRecorder, DependencyState } from './dependencies';
import { engineFingerprint, ResultCache, resultKey } from './result-cache';

/** What the CLI needs of one file's check, whether it ran or came from the cache. */
export interface FileOutcome {
  config?: LoadedConfig;
  /** The file is a kind Shipshape checks. */
  checked: boolean;
  ignored: boolean;
  findings: Finding[];
}

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/shipshape/results.json';
/** The file's name when `--cache-location` names a folder. */
export const CACHE_FILE_NAME = '.shipshape-cache.json';

export function lintOutcome(linter: Linter, path: string): FileOutcome {
  const result = linter.lint(path);
  return {
    config: result.config,
    checked: result.file !== undefined,
    ignored: result.ignored,
    findings: result.findings,
  };
}

export function openCache(command: CheckCommand, linter: Linter, cwd: string, notices: string[]): ResultCache {
  const location = cacheFile(command.cacheLocation, cwd);
  const state = new DependencyState(linter.workspace, nodeHost);
  return ResultCache.load(location, engineFingerprint(version, __filename), state, notices);
}

/** `--cache-location`: a file, or a folder (one that exists, or written with a trailing slash) to put one in. */
function cacheFile(given: string | undefined, cwd: string): string {
  if (given === undefined) return resolve(cwd, DEFAULT_CACHE_LOCATION);
  const path = isAbsolute(given) ? given : resolve(cwd, given);
  return /[/\\]$/.test(given) || (nodeHost.readFile(path) === undefined && nodeHost.exists(path))
    ? join(path, CACHE_FILE_NAME)
    : path;
}

/** The stored outcome when it still holds, else a fresh check whose outcome is stored with what it read. */
export function lintCached(linter: Linter, cache: ResultCache, path: string): FileOutcome {
  const config = linter.configs.forFile(path);
  if (isIgnoredByConfig(config, path)) return { config, checked: false, ignored: true, findings: [] };
  const key = resultKey(path, linter.workspace.text(path) ?? '', linter.workspace.classification(path), config);
  const stored = cache.lookup(path, key);
  if (stored) return { config, ignored: false, ...stored };
  const recorder = new DependencyRecorder();
  const result = linter.lint(path, undefined, recorder);
  const outcome = { checked: result.file !== undefined, findings: result.findings };
  cache.store(path, key, outcome, recorder.workspace, recorder.host);
  return { config, ignored: false, ...outcome };
}
