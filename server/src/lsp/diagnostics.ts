import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import { toDiagnostic } from './convert';

/** How long to wait after a keystroke before checking, in push mode. Pull clients pace themselves. */
const DEBOUNCE_MS = 150;

export type Lint = (document: TextDocument) => Promise<Finding[]>;

/**
 * The two diagnostics models, chosen once from the client's capabilities at `initialize`:
 * pull (`textDocument/diagnostic`) or push (`publishDiagnostics`), never both for one client.
 * Either way the last findings per document are kept for hover and code actions.
 */
export class Diagnostics {
  private readonly latest = new Map<string, { version: number; findings: Finding[] }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

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

  /** A document changed (push mode): check it once the typing pauses; older pending runs are dropped. */
  changed(document: TextDocument, get: (uri: string) => TextDocument | undefined): void {
    if (this.mode === 'pull') return;
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        const current = get(document.uri);
        if (current) void this.publish(current, get);
      }, DEBOUNCE_MS),
    );
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.latest.delete(uri);
    if (this.mode === 'push') void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * Settings, config files or other files changed: every open document may have new findings.
   * Pull clients are asked to pull again, at most once per pause in typing.
   */
  refreshAll(documents: readonly TextDocument[], get: (uri: string) => TextDocument | undefined): void {
    if (this.mode === 'push') {
      for (const document of documents) this.changed(document, get);
      return;
    }
    if (!this.canRefresh) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.connection.languages.diagnostics.refresh().catch((error: unknown) => {
        this.connection.console.warn(`Diagnostics refresh failed: ${String(error)}`);
      });
    }, DEBOUNCE_MS);
  }

  private refreshTimer: NodeJS.Timeout | undefined;

  private async publish(document: TextDocument, get: (uri: string) => TextDocument | undefined): Promise<void> {
    const findings = await this.run(document);
    // Latest version wins: if the text moved on while we were checking, a newer run is already scheduled.
    if (get(document.uri)?.version !== document.version) return;
    await this.connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: findings.map(toDiagnostic),
    });
  }

  private async run(document: TextDocument): Promise<Finding[]> {
    const findings = await this.lint(document);
    this.latest.set(document.uri, { version: document.version, findings });
    return findings;
  }
}
