import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDockerfileName } from '../engine/classify';
import { isIgnoredByConfig } from '../engine/config';
import type { ConfigResolver } from '../engine/config-resolver';

/** Larger files are skipped with a message: no manifest or Dockerfile a person writes is this big. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface SourceText {
  /** Absolute, `/`-separated. */
  path: string;
  text: string;
  /** Named on the command line rather than found by walking: such a file is reported if it is not ours. */
  explicit: boolean;
}

export interface Collected {
  files: SourceText[];
  /** One line each: files that could not be read, or were skipped as binary or too large. */
  notices: string[];
}

export class MissingPathError extends Error {}

/** Walk the given paths and read every file that could be one of ours. */
export function collectFiles(paths: readonly string[], configs: ConfigResolver): Collected {
  const collected: Collected = { files: [], notices: [] };
  for (const given of paths) {
    const absolute = resolve(given);
    const stats = statOrUndefined(absolute, true);
    if (!stats) throw new MissingPathError(`no such file or directory: ${given}`);
    if (stats.isDirectory()) walk(absolute, configs, collected);
    else readCandidate(absolute, stats, true, collected);
  }
  return collected;
}

function walk(directory: string, configs: ConfigResolver, collected: Collected): void {
  let names: string[];
  try {
    names = readdirSync(directory).sort();
  } catch (error) {
    collected.notices.push(`${directory}: cannot read directory (${code(error)})`);
    return;
  }
  for (const name of names) {
    const path = join(directory, name);
    const stats = statOrUndefined(path);
    // Symbolic links are not followed: they can loop, and they point outside the tree being checked.
    if (!stats || stats.isSymbolicLink()) continue;
    if (isIgnoredByConfig(configs.forFile(path), toSlash(path))) continue;
    if (stats.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(name)) walk(path, configs, collected);
    } else if (stats.isFile() && isCandidateName(name)) {
      readCandidate(path, stats, false, collected);
    }
  }
}

/** Names that can be ours; the content decides later (a YAML file may be nothing we check). */
function isCandidateName(name: string): boolean {
  return isDockerfileName(name) || /\.ya?ml$/i.test(name);
}

function readCandidate(path: string, stats: Stats, explicit: boolean, collected: Collected): void {
  if (stats.size > MAX_FILE_BYTES) {
    collected.notices.push(`${path}: skipped, ${(stats.size / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`);
    return;
  }
  try {
    if (looksBinary(path)) {
      collected.notices.push(`${path}: skipped, binary content`);
      return;
    }
    collected.files.push({ path: toSlash(path), text: readFileSync(path, 'utf8'), explicit });
  } catch (error) {
    collected.notices.push(`${path}: cannot read (${code(error)})`);
  }
}

/** A NUL byte in the first 8 KiB is how git and grep tell binary files apart. */
function looksBinary(path: string): boolean {
  const buffer = Buffer.alloc(8192);
  const fd = openSync(path, 'r');
  try {
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).includes(0);
  } finally {
    closeSync(fd);
  }
}

function statOrUndefined(path: string, followLinks = false): Stats | undefined {
  try {
    return followLinks ? statSync(path) : lstatSync(path);
  } catch {
    return undefined;
  }
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}

export function toSlash(path: string): string {
  return path.replace(/\\/g, '/');
}
