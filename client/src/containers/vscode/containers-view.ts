/**
 * The Containers view: containers started from the workspace's images or compose projects, and the
 * images built here. Kept live by the engine's `events` stream while the view is visible, falling
 * back to polling when the stream ends. Items are built from plain model rows.
 */
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { composeProjectName } from '../core/compose';
import { WORKSPACE_LABEL } from '../core/engine-client';
import { formatBytes } from '../core/layers';
import type { ContainerRow, ImageRow } from '../core/model';
import type { StreamHandle } from '../core/process';
import { workspaceContainers } from '../core/workspace-filter';
import type { ContainersContext } from './context';
import { lastBuilds } from './context';
import { findComposeFiles } from './workspace-files';

export type ViewNode =
  | { kind: 'group'; group: 'containers' | 'images' }
  | { kind: 'container'; row: ContainerRow }
  | { kind: 'image'; row: ImageRow };

const POLL_MS = 5000;
const DEBOUNCE_MS = 300;

function age(createdAt: number | undefined): string {
  if (!createdAt) return '';
  const minutes = Math.round((Date.now() - createdAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

export function portsText(row: ContainerRow): string {
  return row.ports.map((port) => `${port.hostIp || '0.0.0.0'}:${port.hostPort}→${port.containerPort}`).join(', ');
}

export class ContainersView implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private containers: ContainerRow[] = [];
  private images: ImageRow[] = [];
  private view: vscode.TreeView<ViewNode> | undefined;
  private stream: StreamHandle | undefined;
  private poller: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private loading: Promise<void> | undefined;

  constructor(private readonly ctx: ContainersContext) {}

  attach(view: vscode.TreeView<ViewNode>): vscode.Disposable {
    this.view = view;
    const subscriptions = [
      view.onDidChangeVisibility(() => this.updateLiveness()),
      this.ctx.engines.onDidChange(() => {
        this.stopLive();
        this.updateLiveness();
        this.refresh();
      }),
    ];
    this.updateLiveness();
    return vscode.Disposable.from(...subscriptions);
  }

  /** Lists again, soon; several calls in a burst (events come in bursts) make one listing. */
  refresh(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.load(), DEBOUNCE_MS);
  }

  /** The rows the view shows now, without listing again (for tests through the extension's API). */
  rows(): { containers: ContainerRow[]; images: ImageRow[] } {
    return { containers: this.containers, images: this.images };
  }

  /** The rows as the view shows them after a fresh listing (for tests through the extension's API). */
  async snapshot(): Promise<{ containers: ContainerRow[]; images: ImageRow[] }> {
    await this.load();
    return { containers: this.containers, images: this.images };
  }

  private load(): Promise<void> {
    this.loading ??= this.fetch().finally(() => {
      this.loading = undefined;
      this.changed.fire();
    });
    return this.loading;
  }

  private async fetch(): Promise<void> {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
    try {
      const client = await this.ctx.engines.client();
      const images = (
        await Promise.all(folders.map((folder) => client.listImages(`${WORKSPACE_LABEL}=${folder}`)))
      ).flat();
      const composeProjects = (await findComposeFiles()).map((uri) =>
        composeProjectName(basename(dirname(uri.fsPath))),
      );
      this.containers = workspaceContainers(await client.listContainers(), {
        folders,
        composeProjects,
        images,
        builtReferences: lastBuilds(this.ctx.state).map((build) => build.image),
      });
      this.images = images;
      if (this.view) this.view.message = undefined;
    } catch (error) {
      this.containers = [];
      this.images = [];
      if (this.view) this.view.message = error instanceof Error ? error.message : String(error);
    }
  }

  private updateLiveness(): void {
    if (this.view?.visible && vscode.workspace.isTrusted) {
      this.refresh();
      if (!this.stream && !this.poller) void this.startEvents();
    } else this.stopLive();
  }

  private async startEvents(): Promise<void> {
    try {
      const client = await this.ctx.engines.client();
      this.stream = client.events(
        () => this.refresh(),
        (reason) => {
          this.stream = undefined;
          this.ctx.output.info(
            `Containers view: the events stream ended (${reason}); polling every ${POLL_MS / 1000} s.`,
          );
          this.startPolling();
        },
      );
    } catch {
      this.startPolling();
    }
  }

  private startPolling(): void {
    if (this.poller || !this.view?.visible) return;
    this.poller = setInterval(() => this.refresh(), POLL_MS);
  }

  private stopLive(): void {
    this.stream?.stop();
    this.stream = undefined;
    if (this.poller) clearInterval(this.poller);
    this.poller = undefined;
  }

  getChildren(node?: ViewNode): ViewNode[] {
    if (!node) {
      if (this.containers.length === 0 && this.images.length === 0) return [];
      return [
        { kind: 'group', group: 'containers' },
        { kind: 'group', group: 'images' },
      ];
    }
    if (node.kind !== 'group') return [];
    return node.group === 'containers'
      ? this.containers.map((row) => ({ kind: 'container', row }))
      : this.images.map((row) => ({ kind: 'image', row }));
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    if (node.kind === 'group') {
      const count = node.group === 'containers' ? this.containers.length : this.images.length;
      const item = new vscode.TreeItem(
        node.group === 'containers' ? 'Containers' : 'Images',
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.description = String(count);
      item.id = `group:${node.group}`;
      return item;
    }
    if (node.kind === 'image') {
      const row = node.row;
      const item = new vscode.TreeItem(row.reference);
      item.id = `image:${row.id}:${row.reference}`;
      item.description = [formatBytes(row.sizeBytes), age(row.createdAt)].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon('package');
      item.contextValue = 'shipshape.image';
      item.tooltip = `${row.reference}\n${row.id}`;
      return item;
    }
    const row = node.row;
    const running = row.state === 'running';
    const item = new vscode.TreeItem(row.name || row.id.slice(0, 12));
    item.id = `container:${row.id}`;
    const state = `${row.state}${row.health ? ` (${row.health})` : ''}`;
    item.description = [row.image, state, portsText(row)].filter(Boolean).join(' · ');
    const color =
      row.health === 'unhealthy'
        ? new vscode.ThemeColor('errorForeground')
        : running
          ? new vscode.ThemeColor('testing.iconPassed')
          : undefined;
    item.iconPath = new vscode.ThemeIcon(running ? 'vm-running' : 'vm-outline', color);
    const http = running && row.ports.some((port) => port.protocol === 'tcp');
    item.contextValue = `shipshape.container.${running ? 'running' : 'stopped'}${http ? '.http' : ''}`;
    item.tooltip = new vscode.MarkdownString(
      [
        `**${row.name}** (${row.id.slice(0, 12)})`,
        `Image: ${row.image}`,
        `Status: ${row.status}`,
        row.composeProject ? `Compose: ${row.composeProject}/${row.composeService}` : '',
        portsText(row) ? `Ports: ${portsText(row)}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    return item;
  }

  dispose(): void {
    this.stopLive();
    if (this.debounce) clearTimeout(this.debounce);
    this.changed.dispose();
  }
}
