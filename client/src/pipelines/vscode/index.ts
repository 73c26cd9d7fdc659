import * as vscode from 'vscode';
import { GitHubProvider } from '../core/github-provider';
import { GitLabProvider } from '../core/gitlab-provider';
import { systemClock } from '../core/http';
import { PipelinesService, type CompletedRun } from '../core/pipelines-service';
import type { RepositorySource } from '../core/pipelines-service';
import type { Row } from '../core/rows';
import { dispatchInfo } from '../core/dispatch-inputs';
import { readServiceSettings, type Inspect } from '../core/settings';
import { viewState } from '../core/view-state';
import { PipelineAuth } from './auth';
import { registerPipelineCommands } from './commands';
import { CiDiagnostics } from './ci-diagnostics';
import { GitSources } from './git-sources';
import { HealthPanels } from './health-panel';
import { LogDocuments } from './log-documents';
import { LENS_SELECTOR, PipelineLenses, revealWorkflow } from './pipeline-lenses';
import { RunStatusBar, announceCompletion } from './status-and-notices';
import { PipelinesTree } from './tree';

/** What the end-to-end tests read: the rows the view shows, and the notifications it raised. */
export interface PipelinesApi {
  rows(parent?: Row): Row[];
  onDidChange: vscode.Event<void>;
  notifications: string[];
  onDidNotify: vscode.Event<string>;
}

/** A workflow file of a repository's folder (for its deploy jobs); undefined when the folder does not have it. */
async function readWorkspaceFile(folder: string, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.Uri.file(folder), path)),
    );
  } catch {
    return undefined;
  }
}

/** Wires the Pipelines view: sources, service, tree, status bar, notifications, logs and commands. */
export function registerPipelines(context: vscode.ExtensionContext): PipelinesApi {
  const inspect: Inspect = (key) => vscode.workspace.getConfiguration('shipshape').inspect(key);
  const auth = new PipelineAuth(context.secrets);
  const service = new PipelinesService(
    systemClock,
    async (repository) => {
      const token = await auth.token(repository);
      // VS Code's extension host routes fetch through `http.proxy` and the system certificates.
      return repository.provider === 'github'
        ? new GitHubProvider({
            apiUrl: repository.apiUrl,
            owner: repository.owner,
            repo: repository.name,
            token,
            fetch: globalThis.fetch,
            clock: systemClock,
          })
        : new GitLabProvider({
            url: repository.apiUrl,
            projectPath: repository.path,
            token,
            fetch: globalThis.fetch,
            clock: systemClock,
          });
    },
    readServiceSettings(inspect),
    readWorkspaceFile,
  );
  const sources = new GitSources();
  const logs = new LogDocuments(service);
  const ciDiagnostics = new CiDiagnostics(service);
  const health = new HealthPanels(service, context.extensionUri);
  const dispatchable = new Map<string, boolean | undefined>();
  const tree = new PipelinesTree(service, () => ({
    dispatchable: (repoKey, path) => dispatchable.get(`${repoKey}\n${path}`),
    showWelcome: () => viewState(service, discovered) !== 'ok',
  }));
  const view = vscode.window.createTreeView('shipshape.pipelines', { treeDataProvider: tree, showCollapseAll: true });
  const lenses = new PipelineLenses(service, (repoKey, path) => dispatchable.get(`${repoKey}\n${path}`));
  const statusBar = new RunStatusBar(service);
  const changed = new vscode.EventEmitter<void>();
  const notified = new vscode.EventEmitter<string>();
  const notifications: string[] = [];
  let discovered = false;
  let latestSources: RepositorySource[] = [];

  const enabled = () => vscode.workspace.getConfiguration('shipshape').get<boolean>('pipelines.enabled', true);
  const rediscover = async () => {
    latestSources = enabled() ? await sources.read() : [];
    discovered = true;
    service.setSources(latestSources);
    await service.refresh();
  };
  const updateState = () => {
    const state = viewState(service, discovered);
    void vscode.commands.executeCommand('setContext', 'shipshape.pipelines.state', state);
    view.message =
      state === 'unknownHost'
        ? `Unknown hosts: ${service
            .unknownRemotes()
            .map((remote) => remote.host)
            .join(', ')}`
        : undefined;
  };
  /** Whether each workflow file has a workflow_dispatch trigger, read from the workspace copy. */
  const readDispatchable = async () => {
    for (const repo of service.repositories())
      for (const workflow of repo.workflows.value ?? []) {
        const key = `${repo.key}\n${workflow.path}`;
        if (dispatchable.has(key)) continue;
        dispatchable.set(key, undefined);
        try {
          const file = vscode.Uri.joinPath(vscode.Uri.file(repo.folder), workflow.path);
          dispatchable.set(
            key,
            dispatchInfo(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))).dispatchable,
          );
          tree.refresh();
          lenses.refresh();
        } catch {
          // not in the workspace: Run Workflow… stays offered and reads the file from the server
        }
      }
  };
  const openFailingLog = async (repoKey: string, run: CompletedRun['run']) => {
    const jobs = (await service.loadJobs(repoKey, run)) ?? [];
    const job = jobs.find((each) => each.state === 'failure' && !each.isBridge) ?? jobs.find((each) => !each.isBridge);
    if (job) await logs.open(repoKey, job);
  };

  context.subscriptions.push(
    auth,
    sources,
    logs,
    ciDiagnostics,
    health,
    vscode.commands.registerCommand('shipshape.showPipelineHealth', (row?: Row) => health.show(row?.repoKey)),
    lenses,
    vscode.languages.registerCodeLensProvider(LENS_SELECTOR, lenses),
    vscode.commands.registerCommand('shipshape.showWorkflowRuns', (repoKey: string, workflowId: number) =>
      revealWorkflow(tree, view, repoKey, workflowId),
    ),
    tree,
    view,
    statusBar,
    changed,
    notified,
    { dispose: () => service.dispose() },
    service.onDidChange(() => {
      tree.refresh();
      statusBar.update();
      updateState();
      void readDispatchable();
      ciDiagnostics.update();
      health.update();
      lenses.refresh();
      changed.fire();
    }),
    service.onRunCompleted((event) => {
      const message = `${event.run.name} #${event.run.number} ${event.run.state}`;
      notifications.push(message);
      notified.fire(message);
      void announceCompletion(event, openFailingLog);
    }),
    vscode.window.onDidChangeWindowState((state) => service.setFocused(state.focused)),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
    sources.onDidChange(() => void rediscover()),
    sources.onDidPush(() => void service.refresh()),
    auth.onDidChange(() => void service.reconnect()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('shipshape.pipelines')) return;
      service.updateSettings(readServiceSettings(inspect), latestSources);
      void rediscover();
    }),
    ...registerPipelineCommands({
      service,
      auth,
      logs,
      tree,
      view,
      rediscover,
      settings: () => readServiceSettings(inspect).hosts,
    }),
  );
  service.setFocused(vscode.window.state.focused);
  updateState();
  void sources.connect().then(rediscover, rediscover);

  return {
    rows: (parent) => tree.getChildren(parent),
    onDidChange: changed.event,
    notifications,
    onDidNotify: notified.event,
  };
}
