import * as vscode from 'vscode';
import { registerContainers, type ContainersApi } from './containers/vscode/register';
import { ShipshapeLanguageClient } from './language-client';
import { registerPipelines, type PipelinesApi } from './pipelines/vscode';

/** Activation only wires things up: each feature lives in its own folder. */
export async function activate(
  context: vscode.ExtensionContext,
): Promise<{ containers: ContainersApi; pipelines: PipelinesApi }> {
  const output = vscode.window.createOutputChannel('Shipshape', { log: true });
  const client = new ShipshapeLanguageClient(context, output);
  context.subscriptions.push(
    output,
    client,
    vscode.commands.registerCommand('shipshape.restartServer', () => client.restart()),
  );
  const containers = registerContainers(context, client, output);
  // The view does not wait for the language server, nor fail with it.
  const pipelines = registerPipelines(context);
  await client.start();
  // Read by the end-to-end tests (the extension's exports); not a public API.
  return { containers, pipelines };
}

export function deactivate(): void {
  // Disposables in context.subscriptions (the client among them) are disposed by VS Code.
}
