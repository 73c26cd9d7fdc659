import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToPath } from './paths';
import type { WorkspaceChange } from './workspace-mirror';

/**
 * The editor's open documents, turned into workspace changes (opened or edited text, closed files)
 * for whoever mirrors the workspace: the server's own mirror and the checking worker's.
 */
export class DocumentSync {
  readonly documents = new TextDocuments(TextDocument);

  constructor(private readonly apply: (change: WorkspaceChange) => void) {}

  listen(connection: Connection): void {
    const opened = ({ document }: { document: TextDocument }) =>
      this.apply({
        kind: 'open',
        path: uriToPath(document.uri),
        text: document.getText(),
        languageId: document.languageId,
      });
    this.documents.onDidOpen(opened);
    this.documents.onDidChangeContent(opened);
    this.documents.onDidClose(({ document }) => this.apply({ kind: 'closed', path: uriToPath(document.uri) }));
    this.documents.listen(connection);
  }

  pathOf(uri: string): string {
    return uriToPath(uri);
  }
}
