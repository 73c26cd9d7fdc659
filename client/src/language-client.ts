import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/**
 * The files the server checks. Broad on purpose (all YAML): the server decides by name and content
 * which ones are Kubernetes manifests, and answers nothing for the rest.
 */
const DOCUMENT_SELECTOR: LanguageClientOptions['documentSelector'] = [
  { language: 'dockerfile' },
  { language: 'yaml' },
  { language: 'dockercompose' },
  { language: 'github-actions-workflow' },
  { pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,*.Containerfile,Dockerfile.*,Containerfile.*}' },
];

/** Starts `dist/server.js` in a Node process over IPC and restarts it on demand. */
export class ShipshapeLanguageClient implements vscode.Disposable {
  private client: LanguageClient | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  async start(): Promise<void> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      outputChannel: this.output,
      // Diagnostics stay visible while the server restarts, instead of flickering away.
      diagnosticPullOptions: { onChange: true, onSave: true },
    };
    this.client = new LanguageClient('shipshape', 'Shipshape', serverOptions, clientOptions);
    await this.client.start();
  }

  /** A custom request to the server; rejects when the server is not running. */
  async request<R>(method: string, params: unknown): Promise<R> {
    if (!this.client?.isRunning()) throw new Error('The Shipshape language server is not running.');
    return this.client.sendRequest<R>(method, params);
  }

  async restart(): Promise<void> {
    if (!this.client) return this.start();
    this.output.info('Restarting the Shipshape language server…');
    await this.client.restart();
  }

  async dispose(): Promise<void> {
    await this.client?.stop();
    this.client = undefined;
  }
}
