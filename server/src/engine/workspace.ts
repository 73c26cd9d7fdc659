import { classify, type Classification } from './classify';
import { gitlabLocalIncludes, isGitlabRootPath, repositoryRoot } from './gitlab-includes';
import { parseFile, reparseFile } from './parse';
import type { FileKind, ParsedFile, ParsedFileOf, WorkspaceView } from './types';
import { toSlash } from './paths';

interface Entry {
  text: string;
  languageId?: string;
  classification?: Classification | null;
  parsed?: ParsedFile;
  /** The parse of an earlier text of the file, not yet parsed again: the next parse may update it instead. */
  previous?: ParsedFile;
  /** Its local `include:` targets, when it is (or is included by) a `.gitlab-ci.yml`: kept until the text changes. */
  includes?: { repoRoot: string; paths: string[] };
}

/**
 * The files a check can see: the CLI fills it from disk, the server from disk plus open editors
 * (whose unsaved text wins). Classification and parsing happen on first use and are cached until
 * the text changes.
 */
/** Versions are unique across workspaces, so that an index kept for one is never taken for another's. */
let lastVersion = 0;

export class Workspace implements WorkspaceView {
  private readonly entries = new Map<string, Entry>();
  private currentVersion = ++lastVersion;
  /** Paths by base name: `textsNamed` is asked on every check, and must not go through every file. */
  private readonly byBaseName = new Map<string, Set<string>>();
  private gitlabIncluded: Set<string> | undefined;

  set(path: string, text: string, languageId?: string): void {
    const key = toSlash(path);
    const existing = this.entries.get(key);
    if (existing && existing.text === text && existing.languageId === languageId) return;
    const previous =
      existing && existing.languageId === languageId ? (existing.parsed ?? existing.previous) : undefined;
    this.entries.set(key, { text, languageId, previous });
    this.currentVersion = ++lastVersion;
    if (!existing) {
      const name = baseName(key);
      const paths = this.byBaseName.get(name) ?? new Set<string>();
      this.byBaseName.set(name, paths.add(key));
    }
    if (this.affectsGitlabIncludes(key)) this.refreshGitlabIncludes();
  }

  delete(path: string): void {
    const key = toSlash(path);
    const affects = this.affectsGitlabIncludes(key);
    const paths = this.byBaseName.get(baseName(key));
    paths?.delete(key);
    if (paths?.size === 0) this.byBaseName.delete(baseName(key));
    const deleted = this.entries.delete(key);
    if (deleted) this.currentVersion = ++lastVersion;
    if (deleted && affects) this.refreshGitlabIncludes();
  }

  /** A root `.gitlab-ci.yml` or a file one includes: its `include:` list decides what else is GitLab CI. */
  private affectsGitlabIncludes(path: string): boolean {
    return isGitlabRootPath(path) || (this.gitlabIncluded?.has(path) ?? false);
  }

  get version(): number {
    return this.currentVersion;
  }

  has(path: string): boolean {
    return this.entries.has(toSlash(path));
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  /** The text the workspace holds for a file. */
  text(path: string): string | undefined {
    return this.entries.get(toSlash(path))?.text;
  }

  /** The file's kind (and flavour), without parsing it; undefined when it is not a kind Shipshape checks. */
  classification(path: string): Classification {
    const entry = this.entries.get(toSlash(path));
    return entry ? this.classificationOf(toSlash(path), entry) : undefined;
  }

  /** The parsed file, or undefined when it is not a kind of file Shipshape checks. */
  parsed(path: string): ParsedFile | undefined {
    const entry = this.entries.get(toSlash(path));
    if (!entry) return undefined;
    const classification = this.classificationOf(toSlash(path), entry);
    if (!classification) return undefined;
    if (!entry.parsed) {
      const previous = entry.previous;
      entry.previous = undefined;
      entry.parsed =
        (previous && reparseFile(previous, entry.text, classification)) ??
        parseFile(toSlash(path), entry.text, classification);
    }
    return entry.parsed;
  }

  *textsNamed(baseNames: readonly string[]): Iterable<{ path: string; text: string }> {
    // Name by name, each in the order its files were added.
    for (const name of new Set(baseNames)) {
      for (const path of this.byBaseName.get(name) ?? []) yield { path, text: this.entries.get(path)!.text };
    }
  }

  *files<K extends FileKind>(kind: K): Iterable<ParsedFileOf<K>> {
    for (const path of this.entries.keys()) {
      const parsed = this.parsed(path);
      if (parsed?.kind === kind) yield parsed as ParsedFileOf<K>;
    }
  }

  private classificationOf(path: string, entry: Entry): Classification {
    if (entry.classification === undefined) {
      entry.classification =
        classify({ path, text: entry.text, languageId: entry.languageId, gitlabIncludes: this.gitlabIncludes() }) ??
        null;
    }
    return entry.classification ?? undefined;
  }

  /**
   * Files that some `.gitlab-ci.yml` includes with `include: local`, directly or through another included
   * file, which are GitLab CI too. Local paths always start at the root file's folder, however deep.
   */
  private gitlabIncludes(): Set<string> {
    if (!this.gitlabIncluded) {
      const found = new Set<string>();
      const pending = [...this.entries.keys()]
        .filter(isGitlabRootPath)
        .map((path) => ({ path, repoRoot: repositoryRoot(path) }));
      for (let next = pending.shift(); next; next = pending.shift()) {
        const entry = this.entries.get(next.path);
        if (!entry) continue;
        if (entry.includes?.repoRoot !== next.repoRoot)
          entry.includes = { repoRoot: next.repoRoot, paths: gitlabLocalIncludes(next.repoRoot, entry.text) };
        for (const included of entry.includes.paths) {
          if (found.has(included)) continue; // includes that form a cycle are GitLab's error, not a hang
          found.add(included);
          pending.push({ path: included, repoRoot: next.repoRoot });
        }
      }
      this.gitlabIncluded = found;
    }
    return this.gitlabIncluded;
  }

  /**
   * Re-read the include lists after a file that shapes them changed. Typing in `.gitlab-ci.yml` rarely
   * changes them, so only the files whose membership did change are classified (and parsed) again.
   */
  private refreshGitlabIncludes(): void {
    const before = this.gitlabIncluded;
    this.gitlabIncluded = undefined;
    // Without a previous list nothing has been classified yet: the next classification computes it.
    if (!before) return;
    const after = this.gitlabIncludes();
    for (const path of new Set([...before, ...after])) {
      const entry = before.has(path) === after.has(path) ? undefined : this.entries.get(path);
      if (entry) {
        entry.classification = undefined;
        entry.parsed = undefined;
      }
    }
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
