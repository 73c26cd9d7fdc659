import { isDockerfileName } from '../engine/classify';
import { isIgnoredByConfig } from '../engine/config';
import { isConfigFile } from '../engine/config-resolver';
import { Linter } from '../engine/linter';
import type { RuleRegistry } from '../engine/registry';
import type { Host } from '../engine/types';
import { collectFiles } from '../host/collect-files';
import { nodeHost } from '../host/node-host';

/** At most this many files are read from the workspace folders for cross-file rules. */
const MAX_WORKSPACE_FILES = 5000;

/**
 * What changes the files a check sees. The server applies each change to its own mirror (hover, code
 * actions) and sends the same change to the checking worker's mirror, so both see the same workspace.
 */
export type WorkspaceChange =
  | { kind: 'open'; path: string; text: string; languageId?: string }
  | { kind: 'closed'; path: string }
  | { kind: 'fileChanged'; path: string }
  | { kind: 'configsChanged' }
  | { kind: 'loadFolders'; folders: string[] };

/**
 * A linter over the workspace as the editor sees it: open documents (unsaved text wins, so an edited
 * `.shipshape.yaml` applies before it is saved), the files of the workspace folders (for cross-file
 * rules) and file-system changes.
 */
export class WorkspaceMirror {
  readonly linter: Linter;
  private readonly openTexts = new Map<string, string>();
  private readonly host: Host = {
    readFile: (path) => this.openTexts.get(path) ?? nodeHost.readFile(path),
    exists: (path) => this.openTexts.has(path) || nodeHost.exists(path),
  };

  constructor(registry: RuleRegistry) {
    this.linter = new Linter(registry, this.host);
  }

  apply(change: WorkspaceChange, log: (message: string) => void): void {
    switch (change.kind) {
      case 'open':
        this.openTexts.set(change.path, change.text);
        this.linter.workspace.set(change.path, change.text, change.languageId);
        if (isConfigFile(change.path)) this.linter.configs.clear();
        return;
      case 'closed':
        this.openTexts.delete(change.path);
        this.reloadFromDisk(change.path);
        if (isConfigFile(change.path)) this.linter.configs.clear();
        return;
      case 'fileChanged':
        if (!this.openTexts.has(change.path)) this.reloadFromDisk(change.path);
        if (isConfigFile(change.path)) this.linter.configs.clear();
        return;
      case 'configsChanged':
        this.linter.configs.clear();
        return;
      case 'loadFolders':
        this.loadFolders(change.folders, log);
        return;
    }
  }

  /** Read the candidate files of the workspace folders once, at start-up. */
  private loadFolders(folders: readonly string[], log: (message: string) => void): void {
    if (folders.length === 0) return;
    const started = Date.now();
    const ignored = (path: string) => isIgnoredByConfig(this.linter.configs.forFile(path), path);
    const { files, notices, beyondLimit } = collectFiles(folders, ignored, MAX_WORKSPACE_FILES);
    for (const file of files) if (!this.openTexts.has(file.path)) this.linter.workspace.set(file.path, file.text);
    if (beyondLimit > 0)
      log(`Read the first ${MAX_WORKSPACE_FILES} of ${files.length + beyondLimit} files for cross-file checks.`);
    for (const notice of notices) log(notice);
    log(`Read ${files.length} workspace files in ${Date.now() - started} ms.`);
  }

  private reloadFromDisk(path: string): void {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const text = /\.ya?ml$/i.test(base) || isDockerfileName(base) ? nodeHost.readFile(path) : undefined;
    if (text === undefined) this.linter.workspace.delete(path);
    else this.linter.workspace.set(path, text);
  }
}
