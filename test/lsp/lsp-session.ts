/**
 * A real LSP client for protocol tests: spawns the built `dist/server.js --stdio` and talks JSON-RPC
 * to it, answering the server's own requests (configuration, registrations) as an editor would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface SessionOptions {
  /** Announce pull diagnostics (`textDocument.diagnostic`) or not (push). */
  pull: boolean;
  /** Announce `workspace/configuration`; its answer comes from `settings`. */
  configuration?: boolean;
  workspaceFolder?: string;
  initializationOptions?: Record<string, unknown>;
  /** The server script to start (default: the build's dist/server.js). */
  server?: string;
}

export class LspSession {
  readonly connection: ProtocolConnection;
  /** The editor's `shipshape` settings section, answered to `workspace/configuration`. */
  settings: Record<string, unknown> = { rules: {} };
  readonly configurationRequests: Array<{ scopeUri?: string; section?: string }> = [];
  readonly logs: string[] = [];
  /** `window/showMessage` notifications, in order. */
  readonly shownMessages: Array<{ type: number; message: string }> = [];
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: Array<() => void> = [];
  private readonly process: ChildProcessWithoutNullStreams;
  private versions = new Map<string, number>();

  /** Answers `settings` from now on, and tells the server its settings changed (as an editor does). */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  constructor(private readonly options: SessionOptions) {
    this.process = spawn(process.execPath, [options.server ?? resolve('dist/server.js'), '--stdio'], {
      stdio: 'pipe',
    });
    this.process.stderr.on('data', (chunk: Buffer) => this.logs.push(chunk.toString()));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, [...(this.published.get(params.uri) ?? []), params]);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wake();
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.shownMessages.push(params);
      this.wake();
    });
    this.connection.onRequest(
      'workspace/configuration',
      (params: { items: Array<{ scopeUri?: string; section?: string }> }) => {
        this.configurationRequests.push(...params.items);
        return params.items.map(() => this.settings);
      },
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    this.connection.listen();
  }

  refreshes = 0;

  async initialize(): Promise<void> {
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: this.options.configuration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
        diagnostics: this.options.pull ? { refreshSupport: true } : undefined,
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
        hover: { contentFormat: ['markdown'] },
        ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    const folder = this.options.workspaceFolder;
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? uri(folder) : null,
      workspaceFolders: folder ? [{ uri: uri(folder), name: 'workspace' }] : null,
      capabilities,
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
  }

  async open(path: string, text: string, languageId = 'plaintext'): Promise<string> {
    const documentUri = uri(path);
    this.versions.set(documentUri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: documentUri, languageId, version: 1, text },
    });
    return documentUri;
  }

  async replace(documentUri: string, text: string): Promise<void> {
    const version = (this.versions.get(documentUri) ?? 1) + 1;
    this.versions.set(documentUri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: documentUri, version },
      contentChanges: [{ text }],
    });
  }

  /** One keystroke's worth: `text` replaces the characters between `start` and `end`, as an editor sends it. */
  async edit(documentUri: string, start: Position, end: Position, text: string): Promise<void> {
    const version = (this.versions.get(documentUri) ?? 1) + 1;
    this.versions.set(documentUri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: documentUri, version },
      contentChanges: [{ range: { start, end }, text }],
    });
  }

  async pullDiagnostics(documentUri: string): Promise<Diagnostic[]> {
    const report = await this.connection.sendRequest<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri: documentUri },
    });
    return report.items;
  }

  /**
   * Pull mode: the document's diagnostics once they satisfy `accept`, pulling again after each
   * `workspace/diagnostic/refresh`, as an editor does (ShellCheck's findings come after the engine's).
   */
  async pullUntil(documentUri: string, accept: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    for (let seen = this.refreshes; ;) {
      const diagnostics = await this.pullDiagnostics(documentUri);
      if (accept(diagnostics)) return diagnostics;
      await this.waitFor(() => (this.refreshes > seen ? true : undefined), what);
      seen = this.refreshes;
    }
  }

  /** Resolves once no `workspace/diagnostic/refresh` has come for `ms` milliseconds. */
  async quiet(ms: number): Promise<void> {
    for (let seen = -1; seen !== this.refreshes;) {
      seen = this.refreshes;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
  }

  /** The next diagnostics published for a document that satisfy `accept` (push mode). */
  async publishedDiagnostics(
    documentUri: string,
    accept: (d: Diagnostic[]) => boolean = () => true,
  ): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const all = this.published.get(documentUri) ?? [];
      const last = all[all.length - 1];
      return last && accept(last.diagnostics) ? last.diagnostics : undefined;
    }, `diagnostics for ${documentUri}`);
  }

  /** The document versions of the diagnostics published for a document, in order (0 when none was given). */
  publishedVersions(documentUri: string): number[] {
    return (this.published.get(documentUri) ?? []).map((params) => params.version ?? 0);
  }

  publishCount(documentUri: string): number {
    return this.published.get(documentUri)?.length ?? 0;
  }

  async waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Server log:\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the kill below makes sure.
    }
    this.connection.dispose();
    this.process.kill();
  }

  /** The server's process id (the benchmark watches its child processes). */
  get pid(): number | undefined {
    return this.process.pid;
  }

  get exitCode(): number | null {
    return this.process.exitCode;
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

/** Diagnostics of one rule: other rules may fire on the same fixture as the rule set grows. */
export function ofRule(diagnostics: readonly Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** Where a rule's docs page is published: every diagnostic links to it. */
export function docsLink(ruleId: string): string {
  return `https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/${ruleId}.md`;
}

export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function uri(path: string): string {
  return pathToFileURL(path).toString();
}
