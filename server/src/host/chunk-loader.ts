/**
 * Loads a lazy chunk of the build (dist/chunks/, see esbuild-lazy.mjs) as `require` would, but with V8's
 * code cache kept beside it: compiling the engine and the parsers (megabytes of JavaScript) costs much of a
 * first check, and a cached compile skips the parse and keeps the functions its start-up ran
 * (issue 16: the server's first diagnostics). The cache lives in the installation's own folder, which
 * only whoever can change the code can write; where it cannot be written, chunks load uncached.
 *
 * A cache made when the chunk loads holds only the functions its start-up ran; the rules and parsers
 * compile on their first call. `cacheUsedCode`, called after a first check, writes it once more with the
 * functions that check compiled, and marks it so: later starts read those functions compiled too.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

interface LoadableModule {
  exports: unknown;
  filename: string;
  paths: string[];
  loaded: boolean;
  require(id: string): unknown;
}
/** The parts of Node's CommonJS loader that a module of our own making needs (not in @types/node). */
const loader = Module as unknown as {
  new (id: string, parent?: unknown): LoadableModule;
  wrap(source: string): string;
  _nodeModulePaths(folder: string): string[];
  _cache: Record<string, LoadableModule>;
};

/** What a cache file holds: the chunk's start-up only, or the code a first check ran as well. */
type CacheStage = 'loaded' | 'used';

/**
 * The chunks this thread loaded, and what their cache files hold: kept on the thread's global object, as a
 * chunk that calls `cacheUsedCode` holds a copy of this module of its own.
 */
const loadedChunks = ((globalThis as Record<symbol, unknown>)[Symbol.for('shipshape.loaded-chunks')] ??= []) as Array<{
  script: Script;
  cacheFile: string;
  key: string;
  stage: CacheStage;
}>;

/** The chunk's exports; `path` is absolute. */
export function loadChunk(path: string): unknown {
  const cached = loader._cache[path];
  if (cached) return cached.exports;
  const source = readFileSync(path, 'utf8');
  const cacheFile = join(dirname(path), '.cache', `${basename(path, '.js')}-${process.version}-${process.arch}.v8`);
  // V8 checks the cache against its own version and flags, but of the source only its length: the key
  // (the chunk's size and time) makes a rebuilt chunk miss it. V8 does not check the data itself (damaged
  // data can crash the process), so the cache file holds its digest too.
  const { size, mtimeMs } = statSync(path);
  const key = `${size}:${mtimeMs}`;
  const stored = readCache(cacheFile, key);
  const script = new Script(loader.wrap(source), { filename: path, cachedData: stored?.data });

  const module = new loader(path);
  module.filename = path;
  module.paths = loader._nodeModulePaths(dirname(path));
  // In require's cache, as `require` would put it: the CLI tests tell which chunks loaded from there.
  loader._cache[path] = module;
  try {
    const run = script.runInThisContext() as (...args: unknown[]) => void;
    run.call(module.exports, module.exports, (id: string) => module.require(id), module, path, dirname(path));
  } catch (error) {
    delete loader._cache[path];
    throw error;
  }
  module.loaded = true;
  // Made after the chunk's start-up ran, so that the cache holds the functions compiled for it too.
  let stage = script.cachedDataRejected === true ? undefined : stored?.stage;
  if (stage === undefined) {
    stage = 'loaded';
    writeCache(cacheFile, key, stage, script.createCachedData());
  }
  loadedChunks.push({ script, cacheFile, key, stage });
  return module.exports;
}

/**
 * Writes the cache of each chunk this thread loaded once more, with the functions compiled since it loaded,
 * unless that was done before (by this process or an earlier one): once per installation, after a first
 * check, so that each later start reads the rules and parsers that check ran compiled.
 */
export function cacheUsedCode(): void {
  for (const chunk of loadedChunks) {
    if (chunk.stage === 'used') continue;
    chunk.stage = 'used';
    writeCache(chunk.cacheFile, chunk.key, chunk.stage, chunk.script.createCachedData());
  }
}

const digest = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The first line of a cache file: the chunk's key, what the cache holds, and the digest of the V8 data after it. */
const header = (key: string, stage: CacheStage, data: Buffer) => `${key} ${stage} ${digest(data)}\n`;

function readCache(file: string, key: string): { data: Buffer; stage: CacheStage } | undefined {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return undefined;
  }
  const data = content.subarray(content.indexOf(10) + 1);
  const [storedKey, stage, storedDigest] = content
    .subarray(0, content.length - data.length)
    .toString()
    .split(/[ \n]/);
  if (storedKey !== key || (stage !== 'loaded' && stage !== 'used') || storedDigest !== digest(data)) return undefined;
  return { data, stage };
}

function writeCache(file: string, key: string, stage: CacheStage, data: Buffer): void {
  // Written aside and renamed: another process (or a --jobs worker) may be reading or writing it too.
  const aside = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(aside, Buffer.concat([Buffer.from(header(key, stage, data)), data]));
    renameSync(aside, file);
  } catch {
    // A read-only installation: the chunk loads uncached, as plain `require` would.
    try {
      rmSync(aside, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}
