import type { FileKind } from './types';

/**
 * Which parses a workspace keeps when it may not keep them all. The CLI checks each file once, and a
 * file's parse (syntax trees, rule models) weighs tens of times its text: kept for every file of a large
 * repository, they are most of the run's memory. So only the most recently used are kept, besides the
 * file being checked and the files of a kind some check reads whole (those would be parsed again for
 * every check). A parse let go is made again when asked for: findings do not change, only the work.
 */
export class ParseBudget {
  /** Kept parses, least recently used first, with their kinds. */
  private readonly recent = new Map<string, FileKind>();
  private readonly wholeKinds = new Set<FileKind>();
  private pinned: string | undefined;

  constructor(
    private limit: number,
    private readonly release: (path: string) => void,
  ) {}

  /** A parse was made or asked for. */
  used(path: string, kind: FileKind): void {
    if (this.wholeKinds.has(kind)) return;
    this.recent.delete(path);
    this.recent.set(path, kind);
    for (const oldest of this.recent.keys()) {
      if (this.recent.size <= this.limit) break;
      if (oldest === this.pinned || oldest === path) continue;
      this.recent.delete(oldest);
      this.release(oldest);
    }
  }

  /** The file's parse is gone with its text (changed or deleted): it no longer counts. */
  forgotten(path: string): void {
    this.recent.delete(path);
  }

  /** The file being checked keeps its parse until the next: its rules hold it, and compare others with it. */
  pin(path: string): void {
    this.pinned = path;
  }

  /** Some check reads every file of this kind: keep all of them, or each check would parse them all again. */
  readWhole(kind: FileKind): void {
    if (this.wholeKinds.has(kind)) return;
    this.wholeKinds.add(kind);
    for (const [path, recentKind] of this.recent) if (recentKind === kind) this.recent.delete(path);
  }

  /** Some check reads `count` files together (a folder's): keep room for twice as many, not to parse them again. */
  readTogether(count: number): void {
    this.limit = Math.max(this.limit, 2 * count);
  }
}
