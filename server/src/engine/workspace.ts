import { classify, type Classification } from './classify';
import { gitlabLocalIncludes } from './gitlab-includes';
import { parseFile } from './parse';
import type { FileKind, ParsedFile, ParsedFileOf, WorkspaceView } from './types';

interface Entry {
  text: string;
  languageId?: string;
  classification?: Classification | null;
  parsed?: ParsedFile;
}

/**
 * The files a check can see: the CLI fills it from disk, the server from disk plus open editors
 * (whose unsaved text wins). Classification and parsing happen on first use and are cached until
 * the text changes.
 */
export class Workspace implements WorkspaceView {
  private readonly entries = new Map<string, Entry>();
  private includes: Set<string> | undefined;

  set(path: string, text: string, languageId?: string): void {
    const key = normalize(path);
    const existing = this.entries.get(key);
    if (existing && existing.text === text && existing.languageId === languageId) return;
    this.entries.set(key, { text, languageId });
    if (isGitlabRoot(key) || existing?.classification?.kind === 'gitlab-ci') this.resetClassifications();
  }

  delete(path: string): void {
    const key = normalize(path);
    if (this.entries.delete(key) && isGitlabRoot(key)) this.resetClassifications();
  }

  has(path: string): boolean {
    return this.entries.has(normalize(path));
  }

  paths(): string[] {
    return [...this.entries.keys()];
  }

  /** The parsed file, or undefined when it is not a kind of file Shipshape checks. */
  parsed(path: string): ParsedFile | undefined {
    const entry = this.entries.get(normalize(path));
    if (!entry) return undefined;
    const classification = this.classificationOf(normalize(path), entry);
    if (!classification) return undefined;
    entry.parsed ??= parseFile(normalize(path), entry.text, classification);
    return entry.parsed;
  }

  *files<K extends FileKind>(kind: K): Iterable<ParsedFileOf<K>> {
    for (const path of this.entries.keys()) {
      const parsed = this.parsed(path);
      if (parsed?.kind === kind) yield parsed as ParsedFileOf<K>;
    }
  }

  private classificationOf(path: string, entry: Entry): Classification {
    if (entry.classification === undefined) {
      entry.classification = classify({ path, text: entry.text, languageId: entry.languageId, gitlabIncludes: this.gitlabIncludes() }) ?? null;
    }
    return entry.classification ?? undefined;
  }

  /** Files that some `.gitlab-ci.yml` includes with `include: local`, which are GitLab CI too. */
  private gitlabIncludes(): Set<string> {
    if (!this.includes) {
      this.includes = new Set();
      for (const [path, entry] of this.entries) {
        if (isGitlabRoot(path)) for (const included of gitlabLocalIncludes(path, entry.text)) this.includes.add(included);
      }
    }
    return this.includes;
  }

  private resetClassifications(): void {
    this.includes = undefined;
    for (const entry of this.entries.values()) {
      entry.classification = undefined;
      entry.parsed = undefined;
    }
  }
}

function isGitlabRoot(path: string): boolean {
  return /(^|\/)\.gitlab-ci\.ya?ml$/.test(path);
}

export function normalize(path: string): string {
  return path.replace(/\\/g, '/');
}
