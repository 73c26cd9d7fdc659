import * as vscode from 'vscode';
import { ShipshapeLanguageClient } from './language-client';
import { registerPipelines, type PipelinesApi } from './pipelines/vscode';

/** Activation only wires things up: each feature lives in its own folder. */
export async function activate(context: vscode.ExtensionContext): Promise<{ pipelines: PipelinesApi }> {
  const output = vscode.window.createOutputChannel('Shipshape', { log: true });
  const client = new ShipshapeLanguageClient(context, output);
  context.subscriptions.push(
    output,
    client,
    vscode.commands.registerCommand('shipshape.restartServer', () => client.restart()),
  );
  // The view does not wait for the language server, nor fail with it.
  const pipelines = registerPipelines(context);
  await client.start();
  return { pipelines };
}

export function deactivate(): void {
  // Disposables in context.subscriptions (the client among them) are disposed by VS Code.
}
