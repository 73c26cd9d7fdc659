import type { FileKind, Host, ParsedFileOf, WorkspaceView } from './types';

/**
 * What a check read besides its own file (the disk through the host, other files of the workspace), so
 * that a cache of results can tell whether a stored result still holds (`shipshape check --cache`).
 */
export interface ReadObserver {
  hostRead(path: string, text: string | undefined): void;
  hostExists(path: string, exists: boolean): void;
  /** Files of the workspace by base name: the result depends on the texts of those files. */
  textsNamed(baseNames: readonly string[]): void;
  /**
   * Files of the workspace by kind: the result depends on every file, since any could be of that kind.
   * `folder`: only those of one folder were asked for (a cache still depends on them all: a file may move in).
   */
  filesOfKind(kind: FileKind, folder?: string): void;
}

export function observedHost(host: Host, observer: ReadObserver): Host {
  return {
    readFile(path) {
      const text = host.readFile(path);
      observer.hostRead(path, text);
      return text;
    },
    exists(path) {
      const exists = host.exists(path);
      observer.hostExists(path, exists);
      return exists;
    },
  };
}

export function observedWorkspace(workspace: WorkspaceView, observer: ReadObserver): WorkspaceView {
  return {
    files<K extends FileKind>(kind: K): Iterable<ParsedFileOf<K>> {
      observer.filesOfKind(kind);
      return workspace.files(kind);
    },
    filesIn<K extends FileKind>(folder: string, kind: K): Iterable<ParsedFileOf<K>> {
      // A subset of the kind's files: the result depends on them all as far as the cache can tell.
      observer.filesOfKind(kind, folder);
      return workspace.filesIn(folder, kind);
    },
    textsNamed(baseNames) {
      observer.textsNamed(baseNames);
      return workspace.textsNamed(baseNames);
    },
    get version() {
      return workspace.version;
    },
  };
}
