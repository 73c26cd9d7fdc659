/**
 * A copy of the build (dist/) in a folder of its own, without V8 code caches, for tests that watch the
 * caches its chunks write (server/src/host/chunk-loader.ts): other tests' processes write those of dist/
 * while they start.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BuildCopy {
  /** The copy's dist/ folder. */
  folder: string;
  /** Each cache file's name and identity: a write replaces the file (written aside, then renamed). */
  writtenCaches(): Record<string, string>;
  /** What a chunk's cache holds, from its first line (see chunk-loader.ts): 'loaded', 'used', or undefined. */
  cacheStage(chunk: string): string | undefined;
  remove(): void;
}

export function copyTheBuild(): BuildCopy {
  const folder = mkdtempSync(join(tmpdir(), 'shipshape-build-'));
  const caches = join(folder, 'chunks', '.cache');
  cpSync(resolve('dist'), folder, {
    recursive: true,
    filter: (source) => !source.includes(join('chunks', '.cache')) && !source.endsWith('.map'),
  });
  return {
    folder,
    writtenCaches: () =>
      Object.fromEntries(
        readdirSync(caches).map((name) => {
          const { ino, mtimeMs } = statSync(join(caches, name));
          return [name, `${ino}:${mtimeMs}`];
        }),
      ),
    cacheStage: (chunk) => {
      const file = join(caches, cacheOf(chunk));
      return existsSync(file) ? readFileSync(file).subarray(0, 200).toString().split(' ')[1] : undefined;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** The cache file's name of a chunk, for this Node. */
export const cacheOf = (chunk: string) => `${chunk}-${process.version}-${process.arch}.v8`;
