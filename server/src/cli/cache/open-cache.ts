import { isAbsolute, join, resolve } from 'node:path';
import { version } from '../../../../package.json';
import type { Linter } from '../../engine/linter';
import { nodeHost } from '../../host/node-host';
import { DependencyState } from './dependencies';
import { engineFingerprint, ResultCache } from './result-cache';

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/shipshape/results.json';
/** The file's name when `--cache-location` names a folder. */
export const CACHE_FILE_NAME = '.shipshape-cache.json';

/** `scripts`: the running engine's scripts (the CLI's bundle and its checker chunk), whose hash is part of every key. */
export function openCache(
  location: string | undefined,
  linter: Linter,
  cwd: string,
  scripts: readonly string[],
  notices: string[],
): ResultCache {
  const state = new DependencyState(linter.workspace, nodeHost);
  return ResultCache.load(cacheFile(location, cwd), engineFingerprint(version, scripts), state, notices);
}

/** `--cache-location`: a file, or a folder (one that exists, or written with a trailing slash) to put one in. */
function cacheFile(given: string | undefined, cwd: string): string {
  if (given === undefined) return resolve(cwd, DEFAULT_CACHE_LOCATION);
  const path = isAbsolute(given) ? given : resolve(cwd, given);
  const folder = /[/\\]$/.test(given) || (nodeHost.readFile(path) === undefined && nodeHost.exists(path));
  return folder ? join(path, CACHE_FILE_NAME) : path;
}
