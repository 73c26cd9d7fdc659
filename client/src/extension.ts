import * as vscode from 'vscode';
import { ShipshapeLanguageClient } from './language-client';

/** Activation only wires things up: each feature lives in its own folder. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Shipshape', { log: true });
  const client = new ShipshapeLanguageClient(context, output);
  context.subscriptions.push(
    output,
    client,
    vscode.commands.registerCommand('shipshape.restartServer', () => client.restart()),
  );
  await client.start();
}

export function deactivate(): void {
  // Disposables in context.subscriptions (the client among them) are disposed by VS Code.
}
