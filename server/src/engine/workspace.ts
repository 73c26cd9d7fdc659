import { classify, type Classification } from './classify';
import { gitlabLocalIncludes, isGitlabRootPath, repositoryRoot } from './gitlab-includes';
import { parseFile, reparseFile } from './parse';
import { ParseBudget } from './parse-budget';
import type { FileKind, ParsedFile, ParsedFileOf, WorkspaceView } from './types';
import { directoryOf, toSlash } from './paths';

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
  /** Paths by folder: cross-file rules compare a file with its neighbours (Compose overrides, manifests). */
  private readonly byFolder = new Map<string, Set<string>>();
  /**
   * Paths by kind, as classified at one version: `files(kind)` is asked on every cross-file check, and
   * going through every file each time makes a run grow with the square of the workspace.
   */
  private byKind: { version: number; paths: Map<FileKind, string[]> } | undefined;
  private gitlabIncluded: Set<string> | undefined;
  /** Unset: every parse is kept until its text changes (the language server's way). */
  private budget: ParseBudget | undefined;

  /** Keep about `limit` parses, not all (see ParseBudget): for a run that checks each file once. */
  keepParses(limit = 256): void {
    this.budget = new ParseBudget(limit, (path) => {
      const entry = this.entries.get(path);
      if (entry) entry.parsed = undefined;
    });
  }

  /** The file now being checked: its parse stays while it is (see ParseBudget). */
  checking(path: string): void {
    this.budget?.pin(toSlash(path));
  }

  set(path: string, text: string, languageId?: string): void {
    const key = toSlash(path);
    const existing = this.entries.get(key);
    if (existing && existing.text === text && existing.languageId === languageId) return;
    const previous =
      existing && existing.languageId === languageId ? (existing.parsed ?? existing.previous) : undefined;
    this.entries.set(key, { text, languageId, previous });
    this.budget?.forgotten(key);
    this.currentVersion = ++lastVersion;
    if (!existing) {
      addTo(this.byBaseName, baseName(key), key);
      addTo(this.byFolder, directoryOf(key), key);
    }
    if (this.affectsGitlabIncludes(key)) this.refreshGitlabIncludes();
  }

  delete(path: string): void {
    const key = toSlash(path);
    const affects = this.affectsGitlabIncludes(key);
    removeFrom(this.byBaseName, baseName(key), key);
    removeFrom(this.byFolder, directoryOf(key), key);
    const deleted = this.entries.delete(key);
    this.budget?.forgotten(key);
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
    const key = toSlash(path);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const classification = this.classificationOf(key, entry);
    if (!classification) return undefined;
    if (!entry.parsed) {
      const previous = entry.previous;
      entry.previous = undefined;
      entry.parsed =
        (previous && reparseFile(previous, entry.text, classification)) ?? parseFile(key, entry.text, classification);
    }
    const parsed = entry.parsed;
    this.budget?.used(key, parsed.kind);
    return parsed;
  }

  *textsNamed(baseNames: readonly string[]): Iterable<{ path: string; text: string }> {
    // Name by name, each in the order its files were added.
    for (const name of new Set(baseNames)) {
      for (const path of this.byBaseName.get(name) ?? []) yield { path, text: this.entries.get(path)!.text };
    }
  }

  *files<K extends FileKind>(kind: K): Iterable<ParsedFileOf<K>> {
    this.budget?.readWhole(kind);
    for (const path of this.pathsOfKind(kind)) yield this.parsed(path) as ParsedFileOf<K>;
  }

  *filesIn<K extends FileKind>(folder: string, kind: K): Iterable<ParsedFileOf<K>> {
    // Only the files of the kind are parsed: the others in the folder may never be asked for.
    const paths = [...(this.byFolder.get(folder) ?? [])].filter(
      (path) => this.classificationOf(path, this.entries.get(path)!)?.kind === kind,
    );
    this.budget?.readTogether(paths.length);
    for (const path of paths) yield this.parsed(path) as ParsedFileOf<K>;
  }

  private pathsOfKind(wanted: FileKind): readonly string[] {
    if (this.byKind?.version !== this.currentVersion) {
      const paths = new Map<FileKind, string[]>();
      for (const [path, entry] of this.entries) {
        const kind = this.classificationOf(path, entry)?.kind;
        const list = kind && paths.get(kind);
        if (list) list.push(path);
        else if (kind) paths.set(kind, [path]);
      }
      this.byKind = { version: this.currentVersion, paths };
    }
    return this.byKind.paths.get(wanted) ?? [];
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
        this.budget?.forgotten(path);
      }
    }
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function addTo(index: Map<string, Set<string>>, key: string, path: string): void {
  const paths = index.get(key);
  if (paths) paths.add(path);
  else index.set(key, new Set([path]));
}

function removeFrom(index: Map<string, Set<string>>, key: string, path: string): void {
  const paths = index.get(key);
  paths?.delete(path);
  if (paths?.size === 0) index.delete(key);
}
