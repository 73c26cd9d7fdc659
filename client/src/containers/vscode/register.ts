/**
 * Wires the containers feature into VS Code: commands, tasks, the Containers view, layer-size
 * hints and CodeLens. Returns what the end-to-end tests read through the extension's exports.
 */
import * as vscode from 'vscode';
import type { ShipshapeLanguageClient } from '../../language-client';
import type { ContainerRow, ImageRow } from '../core/model';
import { buildAndRunCommand, buildImageCommand, runContainerCommand } from './build-run-commands';
import { StageCodeLenses } from './codelens';
import { composeDownCommand, composeLogsCommand, composeUpCommand } from './compose-commands';
import { ContainersView, type ViewNode } from './containers-view';
import type { ContainersContext } from './context';
import { EngineService } from './engine-service';
import { LayerSizes } from './layer-hints';
import { registerTaskProviders } from './tasks';
import * as item from './view-commands';

export interface ContainersApi {
  /** The rows the Containers view shows, freshly listed. */
  snapshot(): Promise<{ containers: ContainerRow[]; images: ImageRow[] }>;
  /** The rows it shows now, as its last listing (after an engine event, a command or a poll) left them. */
  rows(): { containers: ContainerRow[]; images: ImageRow[] };
  onDidChangeView: vscode.Event<void>;
  /** The engine in use ("podman 4.3.1") or why there is none; detected again when the settings change. */
  engineStatus(): Promise<string>;
  onDidChangeEngine: vscode.Event<void>;
}

const DOCKERFILE_SELECTOR: vscode.DocumentSelector = [
  { language: 'dockerfile', scheme: 'file' },
  {
    pattern: '**/{Dockerfile,Containerfile,*.Dockerfile,*.Containerfile,Dockerfile.*,Containerfile.*}',
    scheme: 'file',
  },
];

export function registerContainers(
  context: vscode.ExtensionContext,
  languageClient: ShipshapeLanguageClient,
  output: vscode.LogOutputChannel,
): ContainersApi {
  const engines = new EngineService(output);
  const layers = new LayerSizes(languageClient);
  const buildProblems = vscode.languages.createDiagnosticCollection('shipshape-build');
  const ctx: ContainersContext = {
    engines,
    languageClient,
    layers,
    buildProblems,
    state: context.workspaceState,
    output,
    // The view is created below; commands call this only later.
    refreshView: () => view.refresh(),
  };
  const view = new ContainersView(ctx);
  const treeView = vscode.window.createTreeView<ViewNode>('shipshape.containers', {
    treeDataProvider: view,
    showCollapseAll: false,
  });

  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
  context.subscriptions.push(
    engines,
    layers,
    buildProblems,
    view,
    treeView,
    view.attach(treeView),
    registerTaskProviders(ctx),
    vscode.languages.registerInlayHintsProvider(DOCKERFILE_SELECTOR, layers),
    vscode.languages.registerCodeLensProvider(DOCKERFILE_SELECTOR, new StageCodeLenses(languageClient)),
    command('shipshape.buildImage', (argument: unknown) => buildImageCommand(ctx, argument)),
    command('shipshape.runContainer', (argument: unknown) => runContainerCommand(ctx, argument)),
    command('shipshape.buildAndRun', (argument: unknown) => buildAndRunCommand(ctx, argument)),
    command('shipshape.composeUp', (argument: unknown) => composeUpCommand(ctx, argument)),
    command('shipshape.composeDown', (argument: unknown) => composeDownCommand(ctx, argument)),
    command('shipshape.composeLogs', (argument: unknown) => composeLogsCommand(ctx, argument)),
    command('shipshape.refreshContainers', () => view.refresh()),
    command('shipshape.stopContainer', (target: ViewNode) => item.containerAction('stop')(ctx, target)),
    command('shipshape.startContainer', (target: ViewNode) => item.containerAction('start')(ctx, target)),
    command('shipshape.restartContainer', (target: ViewNode) => item.containerAction('restart')(ctx, target)),
    command('shipshape.removeContainer', (target: ViewNode, options?: { confirm?: boolean }) =>
      item.containerAction('remove')(ctx, target, options),
    ),
    command('shipshape.showContainerLogs', (target: ViewNode) => item.showLogs(ctx, target)),
    command('shipshape.openContainerShell', (target: ViewNode) => item.openShell(ctx, target)),
    command('shipshape.inspectContainer', (target: ViewNode) => item.inspect(ctx, target, 'container')),
    command('shipshape.openContainerInBrowser', (target: ViewNode) => item.openInBrowser(ctx, target)),
    command('shipshape.inspectImage', (target: ViewNode) => item.inspect(ctx, target, 'image')),
    command('shipshape.removeImage', (target: ViewNode, options?: { confirm?: boolean }) =>
      item.removeImage(ctx, target, options),
    ),
  );
  void engines.current();
  return {
    snapshot: () => view.snapshot(),
    rows: () => view.rows(),
    onDidChangeView: view.onDidChangeTreeData,
    engineStatus: () => engines.status(),
    onDidChangeEngine: engines.onDidChange,
  };
}
