import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../../package.json';
import { isConfigFile } from '../engine/config-resolver';
import { Linter } from '../engine/linter';
import type { RuleRegistry } from '../engine/registry';
import type { Finding } from '../engine/types';
import { fixesFor } from '../fixes';
import { registry as defaultRegistry } from '../rules';
import { fromDiagnostic, toCodeAction, type EditCapabilities } from './convert';
import { Diagnostics } from './diagnostics';
import { DocumentSync } from './documents';
import { configCompletions } from './config-completion';
import { registerDockerfileStages } from './dockerfile-stages';
import { hoverFor } from './hover';
import { uriToPath } from './paths';
import { SettingsStore } from './settings';
import { ShellCheckService } from './shellcheck';

/** Files whose changes on disk matter: what we check, and the config files that steer it. */
const WATCHED = [
  '**/*.{yml,yaml}',
  '**/{Dockerfile,Containerfile}*',
  '**/*.{dockerfile,containerfile}',
  '**/.dockerignore',
];

/**
 * The language server, given its connection so that tests can drive it over any stream.
 * Glue only: the engine does the checking, this maps LSP requests onto it.
 */
export function startServer(connection: Connection, registry: RuleRegistry = defaultRegistry): void {
  const sync: DocumentSync = new DocumentSync((): Linter => linter);
  const linter: Linter = new Linter(registry, sync.host);
  const hasWorkspaceRules = registry.all.some((rule) => 'scope' in rule && rule.scope === 'workspace');
  let settings: SettingsStore;
  let diagnostics: Diagnostics;
  let editCapabilities: EditCapabilities;
  let folders: string[] = [];
  let dynamicConfiguration = false;
  let dynamicWatchers = false;

  const shellcheck = new ShellCheckService(connection);
  const log = (message: string) => connection.console.log(message);
  const get = (uri: string) => sync.documents.get(uri);

  async function lint(document: TextDocument): Promise<Finding[]> {
    const editor = await settings.forDocument(document.uri);
    try {
      const result = linter.lint(sync.pathOf(document.uri), editor.rules);
      // ShellCheck runs in child processes: the server keeps answering while it works.
      return await shellcheck.withShellcheck(linter, result, editor);
    } catch (error) {
      // The engine should never throw; if it does, keep the server alive and say why in the output channel.
      connection.console.error(
        `Checking ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return [];
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    settings = new SettingsStore(connection, registry, capabilities.workspace?.configuration === true);
    diagnostics = new Diagnostics(
      connection,
      pull ? 'pull' : 'push',
      lint,
      capabilities.workspace?.diagnostics?.refreshSupport === true,
    );
    const workspaceEdit = capabilities.workspace?.workspaceEdit;
    editCapabilities = {
      snippets: (workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true,
      documentChanges: workspaceEdit?.documentChanges === true,
      createFiles: workspaceEdit?.resourceOperations?.includes('create') === true,
    };
    dynamicConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    dynamicWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folders = (params.workspaceFolders ?? []).map((folder) => uriToPath(folder.uri));
    if (folders.length === 0 && params.rootUri) folders = [uriToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':'] },
        ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'shipshape', version: packageJson.version },
    };
  });

  connection.onInitialized(() => {
    log(
      `Shipshape language server ${packageJson.version} started (${registry.all.length} rules, ${diagnostics.mode} diagnostics).`,
    );
    if (dynamicConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'shipshape' });
    if (dynamicWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCHED.map((globPattern) => ({ globPattern })),
      });
    }
    try {
      sync.loadFolders(folders, log);
    } catch (error) {
      connection.console.error(`Reading the workspace folders failed: ${String(error)}`);
    }
  });

  sync.documents.onDidChangeContent(({ document }) => {
    // An edited config (saved or not: reads see the editor's text) changes what applies to every open file.
    if (isConfigFile(sync.pathOf(document.uri))) {
      linter.configs.clear();
      diagnostics.refreshAll(sync.documents.all(), get);
      return;
    }
    diagnostics.changed(document, get);
    // Other open files may depend on this one through cross-file rules.
    if (hasWorkspaceRules) {
      diagnostics.refreshAll(
        sync.documents.all().filter((d) => d.uri !== document.uri),
        get,
      );
    }
  });
  sync.documents.onDidClose(({ document }) => {
    settings.forget(document.uri);
    diagnostics.closed(document.uri);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    diagnostics.refreshAll(sync.documents.all(), get);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configChanged = false;
    for (const change of changes) configChanged = sync.fileChanged(change.uri) || configChanged;
    if (configChanged) linter.configs.clear();
    diagnostics.refreshAll(sync.documents.all(), get);
  });

  connection.languages.diagnostics.on(async (params) => {
    const document = get(params.textDocument.uri);
    return { kind: 'full', items: document ? await diagnostics.pull(document) : [] };
  });

  connection.onCodeAction(({ textDocument, context }) => {
    const document = get(textDocument.uri);
    const file = linter.workspace.parsed(sync.pathOf(textDocument.uri));
    if (!document || !file) return [];
    const actions: CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const finding = fromDiagnostic(diagnostic, file.path);
      if (!finding) continue;
      for (const fix of fixesFor(finding, file)) {
        const action = toCodeAction(fix, textDocument.uri, document.version, diagnostic, editCapabilities);
        if (action) actions.push(action);
      }
    }
    return actions;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const document = get(textDocument.uri);
    const file = linter.workspace.parsed(sync.pathOf(textDocument.uri));
    if (!document || file?.kind !== 'shipshape') return [];
    return configCompletions(document.getText(), position, registry);
  });

  registerDockerfileStages(connection);
  connection.onHover(({ textDocument, position }) =>
    hoverFor(diagnostics.findings(textDocument.uri), position, registry),
  );

  sync.listen(connection);
  connection.listen();
}
