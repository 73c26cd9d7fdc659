import * as vscode from 'vscode';
import { branchFromHead, remotesFromGitConfig } from '../core/remotes';
import type { RepositorySource } from '../core/pipelines-service';

/** The part of the built-in git extension's API (`vscode.git`, version 1) that we read. */
interface GitRepository {
  rootUri: vscode.Uri;
  state: {
    HEAD?: { name?: string; commit?: string; ahead?: number };
    remotes: { name: string; fetchUrl?: string; pushUrl?: string }[];
    onDidChange: vscode.Event<void>;
  };
}
interface GitApi {
  repositories: GitRepository[];
  onDidOpenRepository: vscode.Event<GitRepository>;
  onDidCloseRepository: vscode.Event<GitRepository>;
}

/**
 * The workspace's repositories with all their remotes and current branch: from the git extension
 * when it is there, and from `.git/config` and `.git/HEAD` read as files for the folders it does not
 * cover (git disabled, not installed, or not yet scanned). Nothing is spawned.
 */
export class GitSources implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly pushed = new vscode.EventEmitter<void>();
  /** Remotes, branch or HEAD changed: read the sources again. */
  readonly onDidChange = this.changed.event;
  /** A push (the branch was ahead of its upstream and no longer is): poll at once. */
  readonly onDidPush = this.pushed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.pushed];
  private api: GitApi | undefined;
  private readonly watched = new WeakSet<GitRepository>();
  private readonly ahead = new Map<string, number>();

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.git/{HEAD,config}');
    this.disposables.push(
      watcher,
      watcher.onDidChange(() => this.changed.fire()),
      watcher.onDidCreate(() => this.changed.fire()),
      watcher.onDidDelete(() => this.changed.fire()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.changed.fire()),
    );
  }

  /** Connect to the git extension once it is active; until then the files are enough. */
  async connect(): Promise<void> {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    if (!extension) return;
    try {
      const exports = extension.isActive ? extension.exports : await extension.activate();
      this.api = exports.getAPI(1);
    } catch {
      return; // git disabled: the files still tell us the remotes
    }
    this.disposables.push(
      this.api.onDidOpenRepository((repository) => {
        this.watch(repository);
        this.changed.fire();
      }),
      this.api.onDidCloseRepository(() => this.changed.fire()),
    );
    for (const repository of this.api.repositories) this.watch(repository);
    this.changed.fire();
  }

  private watch(repository: GitRepository): void {
    if (this.watched.has(repository)) return;
    this.watched.add(repository);
    let signature = this.signature(repository);
    this.disposables.push(
      repository.state.onDidChange(() => {
        const key = repository.rootUri.toString();
        const ahead = repository.state.HEAD?.ahead ?? 0;
        if ((this.ahead.get(key) ?? 0) > 0 && ahead === 0) this.pushed.fire();
        this.ahead.set(key, ahead);
        const next = this.signature(repository);
        if (next !== signature) {
          signature = next;
          this.changed.fire();
        }
      }),
    );
  }

  private signature(repository: GitRepository): string {
    const { HEAD, remotes } = repository.state;
    return JSON.stringify([HEAD?.name, HEAD?.commit, remotes.map((r) => [r.name, r.fetchUrl ?? r.pushUrl])]);
  }

  async read(): Promise<RepositorySource[]> {
    const sources: RepositorySource[] = [];
    const covered = new Set<string>();
    for (const repository of this.api?.repositories ?? []) {
      covered.add(repository.rootUri.toString());
      sources.push({
        folder: repository.rootUri.fsPath,
        branch: repository.state.HEAD?.name,
        commit: repository.state.HEAD?.commit,
        remotes: repository.state.remotes
          .map((remote) => ({ name: remote.name, url: remote.fetchUrl ?? remote.pushUrl ?? '' }))
          .filter((remote) => remote.url),
      });
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (covered.has(folder.uri.toString()) || folder.uri.scheme !== 'file') continue;
      const source = await readGitFiles(folder.uri);
      if (source) sources.push(source);
    }
    return sources;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** `.git/config` and `.git/HEAD` of a folder, following a `.git` file (`gitdir: …`) of a worktree. */
async function readGitFiles(folder: vscode.Uri): Promise<RepositorySource | undefined> {
  const read = async (uri: vscode.Uri) => {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  };
  let gitDir = vscode.Uri.joinPath(folder, '.git');
  const pointer = await read(gitDir);
  const target = pointer && /^gitdir:\s*(.+?)\s*$/m.exec(pointer)?.[1];
  if (target) gitDir = target.startsWith('/') ? folder.with({ path: target }) : vscode.Uri.joinPath(folder, target);
  const head = await read(vscode.Uri.joinPath(gitDir, 'HEAD'));
  // A worktree's remotes live in the common directory's config.
  const common = (await read(vscode.Uri.joinPath(gitDir, 'commondir')))?.trim();
  const configDir = common ? vscode.Uri.joinPath(gitDir, common) : gitDir;
  const config = await read(vscode.Uri.joinPath(configDir, 'config'));
  if (config === undefined) return undefined;
  return {
    folder: folder.fsPath,
    remotes: remotesFromGitConfig(config),
    branch: head ? branchFromHead(head) : undefined,
    commit: head ? await commitOfHead(head, [gitDir, configDir], read) : undefined,
  };
}

/** The commit HEAD points at: a detached sha, a loose ref, or a line of `packed-refs`. */
async function commitOfHead(
  head: string,
  gitDirs: vscode.Uri[],
  read: (uri: vscode.Uri) => Promise<string | undefined>,
): Promise<string | undefined> {
  const text = head.trim();
  if (/^[0-9a-f]{40,64}$/.test(text)) return text;
  const ref = /^ref:\s*(refs\/\S+)$/.exec(text)?.[1];
  if (!ref) return undefined;
  for (const dir of gitDirs) {
    const loose = (await read(vscode.Uri.joinPath(dir, ref)))?.trim();
    if (loose && /^[0-9a-f]{40,64}$/.test(loose)) return loose;
    const packed = await read(vscode.Uri.joinPath(dir, 'packed-refs'));
    const line = packed?.split('\n').find((each) => each.trim().endsWith(` ${ref}`));
    if (line) return line.split(' ')[0];
  }
  return undefined;
}
