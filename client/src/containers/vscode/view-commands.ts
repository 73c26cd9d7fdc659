/**
 * The Containers view's item actions. Each takes the view's node, or (from tests and keybindings)
 * a container id / image reference string.
 */
import * as vscode from 'vscode';
import { execShellArgs, logsArgs, type ContainerAction } from '../core/argv';
import type { ContainerRow } from '../core/model';
import type { ContainersContext } from './context';
import { showEngineError } from './engine-service';
import type { ViewNode } from './containers-view';

type Target = ViewNode | string | { id?: string; reference?: string } | undefined;

function idOf(target: Target): string | undefined {
  if (typeof target === 'string') return target;
  if (!target) return undefined;
  if ('kind' in target)
    return target.kind === 'container' ? target.row.id : target.kind === 'image' ? target.row.reference : undefined;
  return target.id ?? target.reference;
}

function labelOf(target: Target): string {
  if (target && typeof target === 'object' && 'kind' in target && target.kind === 'container') return target.row.name;
  return (idOf(target) ?? '').slice(0, 24);
}

function rowOf(target: Target): ContainerRow | undefined {
  return target && typeof target === 'object' && 'kind' in target && target.kind === 'container'
    ? target.row
    : undefined;
}

async function withClient<T>(
  ctx: ContainersContext,
  action: (client: Awaited<ReturnType<typeof ctx.engines.client>>) => Promise<T>,
) {
  try {
    return await action(await ctx.engines.client());
  } catch (error) {
    void showEngineError(error);
    return undefined;
  }
}

export function containerAction(action: ContainerAction) {
  return async (ctx: ContainersContext, target: Target, options?: { confirm?: boolean }) => {
    const id = idOf(target);
    if (!id) return false;
    if (action === 'remove' && options?.confirm !== false) {
      const choice = await vscode.window.showWarningMessage(
        `Remove the container ${labelOf(target)}? A running container is stopped first.`,
        { modal: true },
        'Remove',
      );
      if (choice !== 'Remove') return false;
    }
    const done = await withClient(ctx, async (client) => {
      await vscode.window.withProgress(
        { location: { viewId: 'shipshape.containers' }, title: `${action} ${labelOf(target)}` },
        () => client.containerAction(action, id),
      );
      return true;
    });
    ctx.refreshView();
    return done === true;
  };
}

export async function removeImage(ctx: ContainersContext, target: Target, options?: { confirm?: boolean }) {
  const reference = idOf(target);
  if (!reference) return false;
  if (options?.confirm !== false) {
    const choice = await vscode.window.showWarningMessage(`Remove the image ${reference}?`, { modal: true }, 'Remove');
    if (choice !== 'Remove') return false;
  }
  const done = await withClient(ctx, async (client) => {
    await client.removeImage(reference);
    return true;
  });
  ctx.refreshView();
  return done === true;
}

/** A terminal running the engine's CLI with an argument array (shellPath + shellArgs: no shell involved). */
async function engineTerminal(ctx: ContainersContext, name: string, args: string[]) {
  return withClient(ctx, async (client) => {
    const terminal = vscode.window.createTerminal({
      name,
      shellPath: client.engine.executable,
      shellArgs: args,
      env: ctx.engines.terminalEnv(),
      iconPath: new vscode.ThemeIcon('vm'),
      isTransient: true,
    });
    terminal.show();
    return terminal;
  });
}

export async function showLogs(ctx: ContainersContext, target: Target) {
  const id = idOf(target);
  if (!id) return undefined;
  return engineTerminal(ctx, `logs ${labelOf(target)}`, logsArgs(id, { follow: true, tail: 500 }));
}

export async function openShell(ctx: ContainersContext, target: Target) {
  const id = idOf(target);
  if (!id) return undefined;
  return engineTerminal(ctx, `shell ${labelOf(target)}`, execShellArgs(id));
}

export async function inspect(ctx: ContainersContext, target: Target, what: 'container' | 'image') {
  const id = idOf(target);
  if (!id) return undefined;
  return withClient(ctx, async (client) => {
    const document = await vscode.workspace.openTextDocument({
      language: 'json',
      content: await client.inspect(what, id),
    });
    await vscode.window.showTextDocument(document, { preview: true });
    return document;
  });
}

export async function openInBrowser(ctx: ContainersContext, target: Target) {
  const row =
    rowOf(target) ??
    (await ctx.engines.client().then((client) => client.listContainers())).find((item) => item.id === idOf(target));
  const ports = row?.ports.filter((port) => port.protocol === 'tcp') ?? [];
  if (ports.length === 0) {
    void vscode.window.showInformationMessage('This container publishes no TCP port.');
    return undefined;
  }
  const urls = ports.map((port) => {
    const host = !port.hostIp || port.hostIp === '0.0.0.0' || port.hostIp === '::' ? '127.0.0.1' : port.hostIp;
    return `http://${host.includes(':') ? `[${host}]` : host}:${port.hostPort}/`;
  });
  const url = urls.length === 1 ? urls[0] : await vscode.window.showQuickPick(urls, { title: 'Open which port?' });
  // Not awaited: the browser may ask the user first, and the command's caller need not wait for that.
  if (url) void vscode.env.openExternal(vscode.Uri.parse(url));
  return url;
}
