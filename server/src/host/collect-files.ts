import { lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDockerfileName } from '../engine/classify';
import { toSlash } from '../engine/paths';

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
  /** Candidates found after `limit` files had been read, and so not read. */
  beyondLimit: number;
}

export class MissingPathError extends Error {}

/** Whether a config file's `ignore` globs exclude a path (engine/config.ts isIgnoredByConfig, for its config). */
export type IgnoredByConfig = (path: string) => boolean;

/**
 * Walk the given paths and read every file that could be one of ours, up to `limit` files (the server
 * keeps its start-up bounded; the CLI reads them all). Candidates past the limit are counted, not read.
 * `ignored` is asked only about folders and candidate files (the CLI loads the engine to answer it);
 * `onRead` hears the length of each text read (the CLI decides by the total how many threads to start).
 */
export function collectFiles(
  paths: readonly string[],
  ignored: IgnoredByConfig,
  limit = Infinity,
  onRead: (characters: number) => void = () => {},
): Collected {
  const collected: Collected = { files: [], notices: [], beyondLimit: 0 };
  const walker = { ignored, collected, limit, onRead };
  for (const given of paths) {
    const absolute = resolve(given);
    const stats = statOrUndefined(absolute, true);
    if (!stats) throw new MissingPathError(`no such file or directory: ${given}`);
    if (stats.isDirectory()) walk(absolute, walker);
    else readCandidate(absolute, stats, true, walker);
  }
  return collected;
}

interface Walker {
  ignored: IgnoredByConfig;
  collected: Collected;
  limit: number;
  onRead(characters: number): void;
}

function walk(directory: string, walker: Walker): void {
  const { ignored, collected } = walker;
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
    if (stats.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(name) && !ignored(toSlash(path))) walk(path, walker);
    } else if (stats.isFile() && isCandidateName(name) && !ignored(toSlash(path))) {
      readCandidate(path, stats, false, walker);
    }
  }
}

/** Names that can be ours; the content decides later (a YAML file may be nothing we check). */
function isCandidateName(name: string): boolean {
  return isDockerfileName(name) || /\.ya?ml$/i.test(name);
}

function readCandidate(path: string, stats: Stats, explicit: boolean, { collected, limit, onRead }: Walker): void {
  if (collected.files.length >= limit) {
    collected.beyondLimit++;
    return;
  }
  if (stats.size > MAX_FILE_BYTES) {
    collected.notices.push(
      `${path}: skipped, ${(stats.size / 1024 / 1024).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`,
    );
    return;
  }
  try {
    const content = readFileSync(path);
    // A NUL byte in the first 8 KiB is how git and grep tell binary files apart.
    if (content.subarray(0, 8192).includes(0)) {
      collected.notices.push(`${path}: skipped, binary content`);
      return;
    }
    const text = content.toString('utf8');
    collected.files.push({ path: toSlash(path), text, explicit });
    onRead(text.length);
  } catch (error) {
    collected.notices.push(`${path}: cannot read (${code(error)})`);
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
