/** Compose Up / Down / Logs for a compose.yaml or docker-compose.yml, services picked from the file. */
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { composeArgs, composeProjectName, composeServices, detectCompose, runCompose } from '../core/compose';
import { nodeRunner } from '../core/process';
import type { ContainersContext } from './context';
import { showEngineError } from './engine-service';
import { chooseFile, findComposeFiles, isComposeFile, readText, toUri } from './workspace-files';

export interface ComposeCommandOptions {
  file?: string;
  services?: string[];
}

function optionsOf(argument: unknown): ComposeCommandOptions | undefined {
  return argument && typeof argument === 'object' && !(argument instanceof vscode.Uri)
    ? (argument as ComposeCommandOptions)
    : undefined;
}

async function prepare(ctx: ContainersContext, argument: unknown, pickServices: boolean) {
  const given = optionsOf(argument);
  const client = await ctx.engines.client();
  const file = await chooseFile(
    given ? toUri(given.file) : toUri(argument),
    isComposeFile,
    findComposeFiles,
    'compose file',
  );
  if (!file) return undefined;
  let services = given?.services ?? [];
  if (pickServices && !given) {
    const all = composeServices(await readText(file));
    if (all.length > 1) {
      const picked = await vscode.window.showQuickPick(
        all.map((label) => ({ label, picked: true })),
        { title: 'Services (all by default)', canPickMany: true, ignoreFocusOut: true },
      );
      if (!picked) return undefined;
      services = picked.length === all.length ? [] : picked.map((item) => item.label);
    }
  }
  const tool = await detectCompose(client.engine, nodeRunner, ctx.engines.signal);
  return { client, file, services, tool, project: composeProjectName(basename(dirname(file.fsPath))) };
}

async function composeWithProgress(ctx: ContainersContext, argument: unknown, action: 'up' | 'down'): Promise<boolean> {
  try {
    const prepared = await prepare(ctx, argument, action === 'up');
    if (!prepared) return false;
    const { client, file, services, tool, project } = prepared;
    const title = `${tool.label} ${action} (${vscode.workspace.asRelativePath(file)})`;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      async (_progress, token) => {
        ctx.output.info(`> ${title}`);
        const output = await runCompose(
          client.engine,
          nodeRunner,
          tool,
          { file: file.fsPath, project, action, services },
          {
            signal: ctx.engines.linkedSignal(token),
            cwd: dirname(file.fsPath),
            onOutput: (chunk) => ctx.output.append(chunk),
          },
        );
        ctx.output.info(output.trim().split('\n').slice(-3).join('\n'));
      },
    );
    ctx.refreshView();
    return true;
  } catch (error) {
    void showEngineError(error);
    return false;
  }
}

export const composeUpCommand = (ctx: ContainersContext, argument?: unknown) =>
  composeWithProgress(ctx, argument, 'up');
export const composeDownCommand = (ctx: ContainersContext, argument?: unknown) =>
  composeWithProgress(ctx, argument, 'down');

/** Follows the services' logs in a terminal (the terminal runs the compose tool with an argument array). */
export async function composeLogsCommand(
  ctx: ContainersContext,
  argument?: unknown,
): Promise<vscode.Terminal | undefined> {
  try {
    const prepared = await prepare(ctx, argument, true);
    if (!prepared) return undefined;
    const { file, services, tool, project } = prepared;
    const terminal = vscode.window.createTerminal({
      name: `${project} logs`,
      shellPath: tool.executable,
      shellArgs: composeArgs(tool, { file: file.fsPath, project, action: 'logs', services, follow: true }),
      cwd: dirname(file.fsPath),
      env: ctx.engines.terminalEnv(),
      isTransient: true,
    });
    terminal.show();
    return terminal;
  } catch (error) {
    void showEngineError(error);
    return undefined;
  }
}
