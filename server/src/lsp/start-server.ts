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
// Named imports: the bundles then hold these fields, not the whole manifest.
import { version } from '../../../package.json';
import { isConfigFile } from '../engine/config-resolver';
import type { RuleRegistry } from '../engine/registry';
import type { Finding } from '../engine/types';
import { fixesFor } from '../fixes';
import { prepareParsers } from '../host/shell-parser';
import { registry as defaultRegistry } from '../rules';
import { fromDiagnostic, toCodeAction, type EditCapabilities } from './convert';
import { Diagnostics } from './diagnostics';
import { CheckRunner, DEFAULT_CHECK_BUDGET_MS } from './check-runner';
import { Dependents, readsRecorder } from './dependents';
import { DocumentSync } from './documents';
import { configCompletions } from './config-completion';
import { registerDockerfileStages } from './dockerfile-stages';
import { heapUsedAfterCollection } from './heap';
import { hoverFor } from './hover';
import { uriToPath } from './paths';
import { SettingsStore } from './settings';
import { ScriptCheckService } from './script-checkers';
import { WorkspaceMirror, type WorkspaceChange } from './workspace-mirror';
import type { StartedWorker } from './worker-start';

/** Custom request: `{ server, worker }`, each thread's used heap in bytes after a full collection. */
export const HEAP_USAGE = 'shipshape/heapUsage';

/** Files whose changes on disk matter: what we check, and the config files that steer it. */
const WATCHED = [
  '**/*.{yml,yaml}',
  '**/{Dockerfile,Containerfile}*',
  '**/*.{dockerfile,containerfile}',
  '**/.dockerignore',
];

export interface ServerOptions {
  /**
   * The script to run as the checking worker (the bundle itself, which starts the worker loop when it
   * finds itself in a worker thread). Without it, checks run on the main thread.
   */
  workerScript?: string;
  /**
   * The first checking worker, started from `workerScript` before the server was (so that it loads while
   * the server answers `initialize`): it learns the workspace folders and settings as a fresh worker does.
   */
  checkWorker?: StartedWorker;
}

/**
 * The language server, given its connection so that tests can drive it over any stream.
 * Glue only: the engine does the checking, this maps LSP requests onto it.
 */
export function startServer(
  connection: Connection,
  registry: RuleRegistry = defaultRegistry,
  options: ServerOptions = {},
): void {
  // The main thread's mirror answers code actions and completion; checks run on the worker's.
  const mirror = new WorkspaceMirror(registry);
  const linter = mirror.linter;
  let checker: CheckRunner | undefined;
  const applyChange = (change: WorkspaceChange) => {
    // With a worker, this thread reads the folders only once the worker has (see onIndexed): its mirror
    // serves code actions, which are not asked for before there are diagnostics.
    if (!(checker && change.kind === 'loadFolders')) mirror.apply(change, log);
    checker?.apply(change);
  };
  let mirrorIndexed = false;
  const onIndexed = () => {
    if (!mirrorIndexed && folders.length > 0) mirror.apply({ kind: 'loadFolders', folders }, log);
    mirrorIndexed = true;
    diagnostics.refreshAll(sync.documents.all(), get);
  };
  const sync = new DocumentSync(applyChange);
  // First: the mirrors see each edit before the handlers below ask about the edited file.
  sync.listen(connection);
  const dependents = new Dependents();
  const hasWorkspaceRules = registry.all.some((rule) => 'scope' in rule && rule.scope === 'workspace');
  let settings: SettingsStore;
  let diagnostics: Diagnostics;
  let editCapabilities: EditCapabilities;
  let folders: string[] = [];
  let dynamicConfiguration = false;
  let dynamicWatchers = false;

  const scriptCheckers = new ScriptCheckService(connection);
  const log = (message: string) => connection.console.log(message);
  const get = (uri: string) => sync.documents.get(uri);

  async function lint(document: TextDocument): Promise<Finding[]> {
    const editor = await settings.forDocument(document.uri);
    try {
      const path = sync.pathOf(document.uri);
      if (!checker) {
        await prepareParsers([linter.workspace.classification(path)?.kind]);
        const recorder = readsRecorder();
        const result = linter.lint(path, editor.rules, { observer: recorder.observer });
        dependents.checked(document.uri, recorder.reads(result.file?.kind));
        return await scriptCheckers.withScriptCheckers(linter, result, editor);
      }
      // The worker adds the script checkers' findings it knows; the scripts it names as unchecked run here
      // (child processes), and the file is checked again once they answered, so no check waits for a process.
      const programs = ScriptCheckService.programs(editor);
      const { findings, unchecked, reads } = await checker.lint(path, editor.rules, programs);
      dependents.checked(document.uri, reads);
      if (unchecked && unchecked.length > 0) {
        const running = checker;
        // Started once these diagnostics are answered: starting a process takes a while (the first one
        // 20 ms and more), and the file's first diagnostics do not wait for it (issue 16). Two turns of
        // the event loop: the LSP library writes its answer in a `setImmediate` of its own, queued after
        // one queued here would be.
        void afterTheAnswerIsWritten().then(async () => {
          const entries = await scriptCheckers.known(unchecked, editor);
          if (entries.length === 0) return;
          running.scriptComments(entries);
          const current = get(document.uri);
          if (current) diagnostics.recheck(current, get);
        });
      }
      return findings;
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
    const budget = (params.initializationOptions as { checkBudgetMs?: unknown } | undefined)?.checkBudgetMs;
    if (options.workerScript)
      checker = new CheckRunner(
        options.workerScript,
        registry,
        typeof budget === 'number' && budget > 0 ? budget : DEFAULT_CHECK_BUDGET_MS,
        log,
        onIndexed,
        options.checkWorker,
      );
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
      serverInfo: { name: 'shipshape', version },
    };
  });

  connection.onInitialized(() => {
    log(
      `Shipshape language server ${version} started (${registry.all.length} rules, ${diagnostics.mode} diagnostics).`,
    );
    if (dynamicConfiguration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'shipshape' });
    if (dynamicWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCHED.map((globPattern) => ({ globPattern })),
      });
    }
    try {
      if (folders.length > 0) applyChange({ kind: 'loadFolders', folders });
    } catch (error) {
      connection.console.error(`Reading the workspace folders failed: ${String(error)}`);
    }
  });

  sync.documents.onDidChangeContent(({ document }) => {
    // An edited config (saved or not: reads see the editor's text) changes what applies to every open file.
    if (isConfigFile(sync.pathOf(document.uri))) {
      diagnostics.refreshAll(sync.documents.all(), get);
      return;
    }
    diagnostics.changed(document, get);
    // Other open files may depend on this one through cross-file rules: those whose last check read it.
    if (hasWorkspaceRules) {
      const path = sync.pathOf(document.uri);
      const affected = dependents.of(document.uri, path, linter.workspace.classification(path)?.kind);
      const documents = affected.map(get).filter((each): each is TextDocument => each !== undefined);
      if (documents.length > 0) diagnostics.refreshAll(documents, get);
    }
  });
  sync.documents.onDidClose(({ document }) => {
    settings.forget(document.uri);
    dependents.forget(document.uri);
    diagnostics.closed(document.uri);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    diagnostics.refreshAll(sync.documents.all(), get);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) applyChange({ kind: 'fileChanged', path: uriToPath(change.uri) });
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

  // For tests and bug reports: retained memory of the server and of its checking worker.
  connection.onRequest(HEAP_USAGE, async () => ({
    server: heapUsedAfterCollection(),
    worker: checker ? await checker.heapUsed() : 0,
  }));
  connection.onShutdown(() => checker?.dispose());
  connection.listen();
}

function afterTheAnswerIsWritten(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
