/**
 * `shipshape check --cache`: each file's findings, stored with what they depend on, so that a run over
 * unchanged files skips parsing and rules (like `eslint --cache`). A stored result is used only when all
 * of these are unchanged: the engine (version and bundle), the file's path, text and kind, the config
 * that applies to it, the workspace files its rules read (cross-file rules), and every file the run's
 * rules read from disk (a `.dockerignore`, a build context). Anything else is checked afresh.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Classification } from '../../engine/classify';
import type { LoadedConfig } from '../../engine/config';
import type { Finding } from '../../engine/types';
import { DependencyState, hashOf, type HostDependency, type WorkspaceDependencies } from './dependencies';

export const CACHE_FORMAT = 1;

export interface CachedResult {
  /** The file is a kind Shipshape checks (it counts as checked). */
  checked: boolean;
  findings: Finding[];
}

interface Entry extends CachedResult {
  key: string;
  /** Hashes of the workspace reads the result depends on (DependencyState.snapshot). */
  workspace: Record<string, string>;
}

interface CacheFile {
  format: number;
  engine: string;
  /** Every disk read of the rules in the runs the entries come from: if one changed, no entry is used. */
  host: HostDependency[];
  entries: Record<string, Entry>;
}

export class ResultCache {
  private readonly hostReads = new Map<string, HostDependency>();
  private changed = false;

  private constructor(
    private readonly location: string,
    private readonly engine: string,
    private readonly entries: Map<string, Entry>,
    host: readonly HostDependency[],
    private readonly state: DependencyState,
  ) {
    for (const dependency of host) this.hostReads.set(hostKey(dependency), dependency);
  }

  /** Reads the cache file; an unreadable, foreign or outdated one counts as empty (a notice says why). */
  static load(location: string, engine: string, state: DependencyState, notices: string[]): ResultCache {
    const empty = () => new ResultCache(location, engine, new Map(), [], state);
    let text: string;
    try {
      text = readFileSync(location, 'utf8');
    } catch {
      return empty();
    }
    let stored: CacheFile;
    try {
      stored = JSON.parse(text) as CacheFile;
      if (!isCacheFile(stored)) throw new Error('not a Shipshape cache file');
    } catch (error) {
      notices.push(`${location}: cache file unreadable (${(error as Error).message}): checking every file afresh`);
      return empty();
    }
    // Another version or build of Shipshape, or a changed file on disk that some rule read: start afresh.
    if (stored.format !== CACHE_FORMAT || stored.engine !== engine) return empty();
    if (!stored.host.every((dependency) => state.hostHolds(dependency))) return empty();
    return new ResultCache(location, engine, new Map(Object.entries(stored.entries)), stored.host, state);
  }

  lookup(path: string, key: string): CachedResult | undefined {
    const entry = this.entries.get(path);
    if (!entry || entry.key !== key || !this.state.holds(entry.workspace)) return undefined;
    return { checked: entry.checked, findings: entry.findings };
  }

  store(path: string, key: string, result: CachedResult, reads: WorkspaceDependencies, host: HostDependency[]): void {
    this.entries.set(path, { key, workspace: this.state.snapshot(reads), ...result });
    for (const dependency of host) this.hostReads.set(hostKey(dependency), dependency);
    this.changed = true;
  }

  /** Writes the file (through a rename, so that a concurrent run never reads half of it). */
  save(notices: string[]): void {
    if (!this.changed) return;
    const file: CacheFile = {
      format: CACHE_FORMAT,
      engine: this.engine,
      host: [...this.hostReads.values()],
      entries: Object.fromEntries(this.entries),
    };
    const temporary = `${this.location}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.location), { recursive: true });
      writeFileSync(temporary, JSON.stringify(file));
      renameSync(temporary, this.location);
    } catch (error) {
      notices.push(`${this.location}: cannot write the cache (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
  }
}

/** What a file's result is stored under: its path, text and kind, and the config that applies to it. */
export function resultKey(path: string, text: string, kind: Classification, config: LoadedConfig | undefined): string {
  const settings = config ? JSON.stringify([config.path, config.source, config.rules, config.ignore]) : '';
  return hashOf(path, text, JSON.stringify(kind ?? null), settings);
}

/** The running engine: its version and the hash of its own bundle, so that any rebuild empties the cache. */
export function engineFingerprint(version: string, scripts: readonly string[]): string {
  return hashOf(version, ...scripts.map((script) => readFileSync(script, 'utf8')));
}

function hostKey(dependency: HostDependency): string {
  return 'read' in dependency ? `read:${dependency.read}` : `exists:${dependency.exists}`;
}

function isCacheFile(value: unknown): value is CacheFile {
  const file = value as CacheFile;
  return (
    typeof file === 'object' &&
    file !== null &&
    typeof file.format === 'number' &&
    typeof file.engine === 'string' &&
    Array.isArray(file.host) &&
    typeof file.entries === 'object' &&
    file.entries !== null &&
    Object.values(file.entries).every(
      (entry) =>
        typeof entry?.key === 'string' &&
        typeof entry.checked === 'boolean' &&
        Array.isArray(entry.findings) &&
        typeof entry.workspace === 'object' &&
        entry.workspace !== null,
    )
  );
}
