import { createHash } from 'node:crypto';
import type { ReadObserver } from '../../engine/read-observer';
import type { FileKind, Host } from '../../engine/types';
import type { Workspace } from '../../engine/workspace';

/** What one file's result depends on in the workspace, besides its own text (see ResultCache). */
export interface WorkspaceDependencies {
  /** `workspace.files(kind)` was read: the result holds while the texts of the files of these kinds do. */
  kinds: FileKind[];
  /** `workspace.textsNamed(names)` was read: the result holds while the texts of files so named do. */
  names: string[][];
}

/** A file read or probed on disk through the host, and what was found: `null` for a missing file. */
export type HostDependency = { read: string; hash: string | null } | { exists: string; found: boolean };

export function hashOf(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/** Collects what one check reads: its workspace reads for its entry, its disk reads for the run. */
export class DependencyRecorder implements ReadObserver {
  readonly workspace: WorkspaceDependencies = { kinds: [], names: [] };
  readonly host: HostDependency[] = [];
  /** The kinds read in full, not only a folder's files of them (for the `--jobs` queue, see check-queue.ts). */
  readonly wholeKinds: FileKind[] = [];

  hostRead(path: string, text: string | undefined): void {
    this.host.push({ read: path, hash: text === undefined ? null : hashOf(text) });
  }
  hostExists(path: string, found: boolean): void {
    this.host.push({ exists: path, found });
  }
  textsNamed(baseNames: readonly string[]): void {
    if (!this.workspace.names.some((names) => sameNames(names, baseNames))) this.workspace.names.push([...baseNames]);
  }
  filesOfKind(kind: FileKind, folder?: string): void {
    // Any file of the kind may move into the folder: the stored result depends on the whole kind.
    if (!this.workspace.kinds.includes(kind)) this.workspace.kinds.push(kind);
    if (folder === undefined && !this.wholeKinds.includes(kind)) this.wholeKinds.push(kind);
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

/**
 * Hashes of the current workspace, computed once per run, to tell whether what a stored result read
 * is unchanged. A snapshot maps `kind:<kind>` and `names:<a>/<b>` to the hash of what that read yields.
 */
export class DependencyState {
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly workspace: Workspace,
    private readonly host: Host,
  ) {}

  /** The hashes to store beside a fresh result, so that the next run can tell whether they changed. */
  snapshot(dependencies: WorkspaceDependencies): Record<string, string> {
    const keys = [
      ...dependencies.kinds.map((kind) => `kind:${kind}`),
      ...dependencies.names.map((n) => `names:${n.join('/')}`),
    ];
    return Object.fromEntries(keys.map((key) => [key, this.current(key)]));
  }

  holds(snapshot: Readonly<Record<string, string>>): boolean {
    return Object.entries(snapshot).every(([key, hash]) => this.current(key) === hash);
  }

  hostHolds(dependency: HostDependency): boolean {
    if ('read' in dependency) {
      const text = this.host.readFile(dependency.read);
      return (text === undefined ? null : hashOf(text)) === dependency.hash;
    }
    return this.host.exists(dependency.exists) === dependency.found;
  }

  private current(key: string): string {
    let hash = this.hashes.get(key);
    if (hash === undefined) {
      hash = key.startsWith('kind:')
        ? this.kindHash(key.slice('kind:'.length))
        : this.namesHash(key.slice('names:'.length).split('/'));
      this.hashes.set(key, hash);
    }
    return hash;
  }

  /** Every file the workspace now classifies as this kind, with its text: what `files(kind)` yields. */
  private kindHash(kind: string): string {
    const paths = this.workspace
      .paths()
      .filter((path) => this.workspace.classification(path)?.kind === kind)
      .sort();
    return hashOf(...paths.flatMap((path) => [path, this.workspace.text(path) ?? '']));
  }

  private namesHash(names: readonly string[]): string {
    const texts = [...this.workspace.textsNamed(names)].sort((a, b) => a.path.localeCompare(b.path));
    return hashOf(...texts.flatMap(({ path, text }) => [path, text]));
  }
}
