import * as vscode from 'vscode';
import type { Job, ProviderKind, Run, Workflow } from '../core/model';
import { asApiError, type PipelinesService, type RepositoryState } from '../core/pipelines-service';
import type { PipelineProvider } from '../core/provider';
import type { Row } from '../core/rows';
import { apiHost, type PipelineAuth } from './auth';
import type { LogDocuments } from './log-documents';
import { askDispatchInputs, askRef, askVariables, dispatchInfo, workflowText } from './run-prompts';
import { activeRepository } from './status-and-notices';
import type { PipelinesTree } from './tree';

export interface CommandContext {
  service: PipelinesService;
  auth: PipelineAuth;
  logs: LogDocuments;
  tree: PipelinesTree;
  view: vscode.TreeView<Row>;
  /** Re-read the git remotes, then poll every repository. */
  rediscover: () => Promise<void>;
  settings: () => { githubApiUrl: string; gitlabUrl: string };
}

/** Every command of the Pipelines view. Failures are shown as our own messages (never a token). */
export function registerPipelineCommands(ctx: CommandContext): vscode.Disposable[] {
  const { service } = ctx;
  const register = (id: string, handler: (...args: never[]) => Promise<unknown> | unknown) =>
    vscode.commands.registerCommand(`shipshape.${id}`, async (...args: never[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        void vscode.window.showErrorMessage(`Shipshape: ${asApiError(error).message}`);
        return undefined;
      }
    });
  const repoOf = (row: Row | undefined): RepositoryState => {
    const repo = row?.repoKey ? service.repository(row.repoKey) : undefined;
    if (!repo) throw new Error('the repository is no longer watched');
    return repo;
  };
  const runAction = (action: (provider: PipelineProvider, run: Run) => Promise<unknown>) => async (row: Row) => {
    const run = row.run!;
    await service.act(repoOf(row).key, run, (provider) => action(provider, run));
  };
  const jobAction = (action: (provider: PipelineProvider, job: Job) => Promise<unknown>) => async (row: Row) => {
    const job = row.job!;
    const run = service.findRun(repoOf(row), { id: job.runId, projectId: job.projectId } as Run);
    await service.act(repoOf(row).key, run, (provider) => action(provider, job));
  };

  return [
    register('refreshPipelines', () => ctx.rediscover()),
    register('retryRequest', (row?: Row) => service.refresh(row?.repoKey)),
    register('openInBrowser', async (row?: Row) => {
      if (row?.url) await vscode.env.openExternal(vscode.Uri.parse(row.url));
    }),
    register('viewJobLog', async (row?: Row) => {
      if (row?.job) await ctx.logs.open(repoOf(row).key, row.job);
    }),
    register(
      'cancelRun',
      runAction((provider, run) => provider.cancel(run)),
    ),
    register(
      'rerunRun',
      runAction((provider, run) => provider.rerun(run)),
    ),
    register(
      'retryPipeline',
      runAction((provider, run) => provider.rerun(run)),
    ),
    register(
      'rerunFailedJobs',
      runAction((provider, run) => provider.rerunFailed(run)),
    ),
    register(
      'retryJob',
      jobAction((provider, job) => provider.retryJob(job)),
    ),
    register(
      'cancelJob',
      jobAction((provider, job) => provider.cancelJob(job)),
    ),
    register(
      'playJob',
      jobAction((provider, job) => provider.playJob(job)),
    ),
    register('runWorkflow', (row?: Row) => runWorkflow(ctx, row)),
    register('runPipeline', (row?: Row) => runPipeline(ctx, row)),
    register('revealLatestRun', async (repoKey: string, runId: number) => {
      const row = ctx.tree.findRunRow(repoKey, runId);
      if (!row) return;
      await ctx.view.reveal(row, { select: true, focus: true, expand: true });
      await expandFailures(ctx, row);
    }),
    register('signInToGitHub', async () => {
      const api = pickApi(service, 'github', ctx.settings().githubApiUrl);
      if (await ctx.auth.signIn(api)) await service.reconnect();
    }),
    // The token may come as an argument (automation); it is never echoed or logged.
    register('setGitHubToken', (token?: string, apiUrl?: string) =>
      setToken(ctx, 'github', apiUrl ?? pickApi(service, 'github', ctx.settings().githubApiUrl), token),
    ),
    register('setGitLabToken', (token?: string, url?: string) =>
      setToken(ctx, 'gitlab', url ?? pickApi(service, 'gitlab', ctx.settings().gitlabUrl), token),
    ),
    register('clearPipelineTokens', async () => {
      const { githubApiUrl, gitlabUrl } = ctx.settings();
      const hosts = [
        { provider: 'github' as const, apiUrl: githubApiUrl },
        { provider: 'gitlab' as const, apiUrl: gitlabUrl },
        ...service.repositories().map((repo) => ({ provider: repo.placed.provider, apiUrl: repo.placed.apiUrl })),
      ];
      await ctx.auth.clearTokens(hosts);
      await service.reconnect();
      void vscode.window.showInformationMessage('Shipshape: pipeline tokens removed.');
    }),
    register('configurePipelineHosts', () =>
      vscode.commands.executeCommand('workbench.action.openSettings', 'shipshape.pipelines'),
    ),
  ];
}

/** The API of the first watched repository of this provider, else the configured default. */
function pickApi(service: PipelinesService, provider: ProviderKind, configured: string): string {
  return service.repositories().find((repo) => repo.placed.provider === provider)?.placed.apiUrl ?? configured;
}

async function setToken(ctx: CommandContext, provider: ProviderKind, apiUrl: string, given?: string) {
  const site = provider === 'github' ? 'GitHub' : 'GitLab';
  const scopes =
    provider === 'github' ? '`repo` (and `workflow` to run workflows)' : '`read_api` (or `api` for actions)';
  const token =
    typeof given === 'string'
      ? given
      : await vscode.window.showInputBox({
          title: `Set ${site} Token for ${apiHost(apiUrl)}`,
          prompt: `A personal access token with ${scopes}. Stored in VS Code's secret storage.`,
          password: true,
          ignoreFocusOut: true,
        });
  if (!token?.trim()) return;
  await ctx.auth.storeToken(provider, apiUrl, token.trim());
  await ctx.service.reconnect();
}

async function pickRepository(
  ctx: CommandContext,
  provider: ProviderKind,
  row?: Row,
): Promise<RepositoryState | undefined> {
  if (row?.repoKey) return ctx.service.repository(row.repoKey);
  const repos = ctx.service.repositories().filter((repo) => repo.placed.provider === provider);
  const active = activeRepository(ctx.service);
  if (repos.length <= 1) return repos[0];
  const picked = await vscode.window.showQuickPick(
    repos.map((repo) => ({ label: repo.placed.path, description: repo.placed.host, repo, picked: repo === active })),
    { title: 'Repository' },
  );
  return picked?.repo;
}

async function runWorkflow(ctx: CommandContext, row?: Row): Promise<void> {
  const repo = await pickRepository(ctx, 'github', row);
  if (!repo) {
    void vscode.window.showInformationMessage('Shipshape: no GitHub repository in this workspace.');
    return;
  }
  const provider = await ctx.service.providerFor(repo);
  let workflow: Workflow | undefined = row?.workflow;
  if (!workflow) {
    const workflows = repo.workflows.value ?? (await provider.workflows());
    workflow = (
      await vscode.window.showQuickPick(
        workflows.map((each) => ({ label: each.name, description: each.path, workflow: each })),
        { title: 'Run Workflow' },
      )
    )?.workflow;
  }
  if (!workflow) return;
  const ref = await askRef(repo.branch, `Run ${workflow.name}`);
  if (!ref) return;
  const text = await workflowText(repo, provider, workflow, ref);
  const info = text !== undefined ? dispatchInfo(text) : undefined;
  if (info && !info.dispatchable) {
    void vscode.window.showWarningMessage(`Shipshape: ${workflow.path} has no workflow_dispatch trigger.`);
    return;
  }
  const inputs = await askDispatchInputs(info?.inputs ?? [], () => provider.environments());
  if (!inputs) return;
  const chosen = workflow;
  if (!(await ctx.auth.ensureWorkflowScope(repo.placed))) return;
  // A new session means a new token: the provider is made again with it.
  if (!repo.provider?.authenticated) await ctx.service.reconnect();
  // Watched before it exists: the poll right after the dispatch may already list it.
  ctx.service.watchNewRun(repo.key, ref, chosen.id);
  await ctx.service.act(repo.key, undefined, (p) => p.dispatch(chosen, ref, inputs));
  void vscode.window.showInformationMessage(`Shipshape: ${chosen.name} started on ${ref}.`);
}

async function runPipeline(ctx: CommandContext, row?: Row): Promise<void> {
  const repo = await pickRepository(ctx, 'gitlab', row);
  if (!repo) {
    void vscode.window.showInformationMessage('Shipshape: no GitLab project in this workspace.');
    return;
  }
  const ref = await askRef(repo.branch, `Run Pipeline on ${repo.placed.path}`);
  if (!ref) return;
  const variables = await askVariables();
  if (!variables) return;
  ctx.service.watchNewRun(repo.key, ref);
  await ctx.service.act(repo.key, undefined, (provider) => provider.createPipeline(ref, variables));
}

/**
 * Opens what failed under a revealed run (GitLab stages, jobs) down to the failing steps. A failed row
 * is created expanded, but VS Code keeps the collapsed state of a row it drew while it was running.
 */
async function expandFailures(ctx: CommandContext, parent: Row, depth = 0): Promise<void> {
  if (depth > 2) return;
  for (const child of ctx.tree.getChildren(parent)) {
    if (child.state !== 'failure' || child.collapsible === 'none') continue;
    await ctx.view.reveal(child, { select: false, focus: false, expand: true });
    await expandFailures(ctx, child, depth + 1);
  }
}
