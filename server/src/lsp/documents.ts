import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isDockerfileName } from '../engine/classify';
import { isConfigFile } from '../engine/config-resolver';
import type { Linter } from '../engine/linter';
import type { Host } from '../engine/types';
import { collectFiles } from '../host/collect-files';
import { nodeHost } from '../host/node-host';
import { uriToPath } from './paths';

/** At most this many files are read from the workspace folders for cross-file rules. */
const MAX_WORKSPACE_FILES = 5000;

/**
 * Keeps the linter's workspace in step with the editor: open documents (unsaved text wins),
 * the files of the workspace folders (for cross-file rules), and file-system changes.
 */
export class DocumentSync {
  readonly documents = new TextDocuments(TextDocument);
  /** Reads see unsaved editor text first, so an edited `.shipshape.yaml` applies before it is saved. */
  readonly host: Host = {
    readFile: (path) => this.openText(path) ?? nodeHost.readFile(path),
    exists: (path) => this.openText(path) !== undefined || nodeHost.exists(path),
  };
  private readonly openByPath = new Map<string, TextDocument>();

  constructor(private readonly linter: () => Linter) {}

  listen(connection: Connection): void {
    this.documents.onDidOpen(({ document }) => this.track(document));
    this.documents.onDidChangeContent(({ document }) => this.track(document));
    this.documents.onDidClose(({ document }) => {
      const path = uriToPath(document.uri);
      this.openByPath.delete(path);
      this.reloadFromDisk(path);
    });
    this.documents.listen(connection);
  }

  pathOf(uri: string): string {
    return uriToPath(uri);
  }

  /** Read the candidate files of the workspace folders once, at start-up. */
  loadFolders(folders: readonly string[], log: (message: string) => void): void {
    if (folders.length === 0) return;
    const started = Date.now();
    const { files, notices, beyondLimit } = collectFiles(folders, this.linter().configs, MAX_WORKSPACE_FILES);
    for (const file of files) {
      if (!this.openByPath.has(file.path)) this.linter().workspace.set(file.path, file.text);
    }
    if (beyondLimit > 0)
      log(`Read the first ${MAX_WORKSPACE_FILES} of ${files.length + beyondLimit} files for cross-file checks.`);
    for (const notice of notices) log(notice);
    log(`Read ${files.length} workspace files in ${Date.now() - started} ms.`);
  }

  /** A file changed on disk: reload it unless the editor has it open. Returns whether it was a config file. */
  fileChanged(uri: string): boolean {
    const path = uriToPath(uri);
    if (!this.openByPath.has(path)) this.reloadFromDisk(path);
    return isConfigFile(path);
  }

  private track(document: TextDocument): void {
    const path = uriToPath(document.uri);
    this.openByPath.set(path, document);
    this.linter().workspace.set(path, document.getText(), document.languageId);
  }

  private openText(path: string): string | undefined {
    return this.openByPath.get(path)?.getText();
  }

  private reloadFromDisk(path: string): void {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const text = /\.ya?ml$/i.test(base) || isDockerfileName(base) ? nodeHost.readFile(path) : undefined;
    if (text === undefined) this.linter().workspace.delete(path);
    else this.linter().workspace.set(path, text);
  }
}
