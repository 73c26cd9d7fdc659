import type { ReadObserver } from '../engine/read-observer';
import type { FileKind } from '../engine/types';

/** What one check read besides its own file: the kinds and base names it asked the workspace for, the paths it read. */
export interface Reads {
  /** The checked file's own kind: when it changes, files that read either kind depend on it. */
  kind?: FileKind;
  kinds: FileKind[];
  baseNames: string[];
  paths: string[];
}

/** Records a check's reads (the worker passes it to the linter as its observer). */
export function readsRecorder(): { observer: ReadObserver; reads: (kind?: FileKind) => Reads } {
  const kinds = new Set<FileKind>();
  const baseNames = new Set<string>();
  const paths = new Set<string>();
  return {
    observer: {
      hostRead: (path) => paths.add(path),
      hostExists: (path) => paths.add(path),
      textsNamed: (names) => names.forEach((name) => baseNames.add(name)),
      filesOfKind: (kind) => kinds.add(kind),
    },
    reads: (kind?: FileKind) => ({ kind, kinds: [...kinds], baseNames: [...baseNames], paths: [...paths] }),
  };
}

/**
 * Which open files depend on another through cross-file rules, from what their last check read: an edit
 * re-checks only those, not every open file (in pull mode a refresh makes the editor pull every file again).
 */
export class Dependents {
  private readonly readsByUri = new Map<string, Reads>();

  checked(uri: string, reads: Reads | undefined): void {
    if (reads) this.readsByUri.set(uri, reads);
  }

  forget(uri: string): void {
    this.readsByUri.delete(uri);
  }

  /**
   * The open files (but `uri` itself) whose last check read `path`, or files of its kind (as last checked,
   * or `kind` now).
   */
  of(uri: string, path: string, kind: FileKind | undefined): string[] {
    const kinds = [kind, this.readsByUri.get(uri)?.kind];
    const baseName = path.slice(path.lastIndexOf('/') + 1);
    const dependents: string[] = [];
    for (const [other, reads] of this.readsByUri) {
      if (other === uri) continue;
      if (
        reads.paths.includes(path) ||
        reads.baseNames.includes(baseName) ||
        kinds.some((kind) => kind !== undefined && reads.kinds.includes(kind))
      )
        dependents.push(other);
    }
    return dependents;
  }
}
