import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import { toDiagnostic } from './convert';

/**
 * How long to wait, once typing pauses, before other open files are checked again (they may depend on
 * the edited one through cross-file rules). The edited file itself is checked at once.
 */
const REFRESH_OTHERS_MS = 150;

export type Lint = (document: TextDocument) => Promise<Finding[]>;
type Get = (uri: string) => TextDocument | undefined;

/**
 * The two diagnostics models, chosen once from the client's capabilities at `initialize`:
 * pull (`textDocument/diagnostic`) or push (`publishDiagnostics`), never both for one client.
 * Either way the last findings per document are kept for hover and code actions.
 */
export class Diagnostics {
  private readonly latest = new Map<string, { version: number; findings: Finding[] }>();
  /** Push: documents being checked now, and those edited again meanwhile (checked once more when it ends). */
  private readonly checking = new Set<string>();
  private readonly stale = new Set<string>();
  /** Push: documents due a check once typing pauses. */
  private readonly refreshing = new Set<string>();
  private othersTimer: NodeJS.Timeout | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    readonly mode: 'pull' | 'push',
    private readonly lint: Lint,
    private readonly canRefresh: boolean,
  ) {}

  findings(uri: string): Finding[] {
    return this.latest.get(uri)?.findings ?? [];
  }

  /** Pull: compute for the client's request. */
  async pull(document: TextDocument): Promise<Diagnostic[]> {
    const findings = await this.run(document);
    return findings.map(toDiagnostic);
  }

  /**
   * A document changed (push mode): checked at once, with no delay to wait out, so that the diagnostics
   * of the last keystroke come as soon as the check allows. While a check of it runs, further edits
   * only mark it stale: one more check follows, of the newest text, and the older result is dropped.
   */
  changed(document: TextDocument, get: Get): void {
    if (this.mode === 'pull') return;
    if (this.checking.has(document.uri)) {
      this.stale.add(document.uri);
      return;
    }
    this.checking.add(document.uri);
    void this.publish(document, get).finally(() => {
      this.checking.delete(document.uri);
      const current = get(document.uri);
      if (this.stale.delete(document.uri) && current) this.changed(current, get);
    });
  }

  /** New findings for a document are known (the script checkers', which come after the engine's): show them. */
  recheck(document: TextDocument, get: Get): void {
    if (this.mode === 'push') this.changed(document, get);
    else this.refreshAll([document], get);
  }

  closed(uri: string): void {
    this.stale.delete(uri);
    this.latest.delete(uri);
    if (this.mode === 'push') void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * Settings, config files or other files changed: every open document may have new findings.
   * Checked (push) or pulled again (pull clients are asked to) once typing pauses, not per keystroke.
   */
  refreshAll(documents: readonly TextDocument[], get: Get): void {
    if (this.mode === 'push') {
      for (const document of documents) this.refreshing.add(document.uri);
      clearTimeout(this.othersTimer);
      this.othersTimer = setTimeout(() => {
        const uris = [...this.refreshing];
        this.refreshing.clear();
        for (const uri of uris) {
          const current = get(uri);
          if (current) this.changed(current, get);
        }
      }, REFRESH_OTHERS_MS);
      return;
    }
    if (!this.canRefresh) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.connection.languages.diagnostics.refresh().catch((error: unknown) => {
        this.connection.console.warn(`Diagnostics refresh failed: ${String(error)}`);
      });
    }, REFRESH_OTHERS_MS);
  }

  private async publish(document: TextDocument, get: Get): Promise<void> {
    // Read before checking: the editor's document object is updated in place by later edits.
    const version = document.version;
    const findings = await this.run(document);
    // Latest version wins: if the text moved on while we were checking, a newer run follows.
    if (get(document.uri)?.version !== version) return;
    await this.connection.sendDiagnostics({ uri: document.uri, version, diagnostics: findings.map(toDiagnostic) });
  }

  private async run(document: TextDocument): Promise<Finding[]> {
    const version = document.version;
    const findings = await this.lint(document);
    this.latest.set(document.uri, { version, findings });
    return findings;
  }
}
