/** "Build Image" and "Build and Run" above each FROM whose stage can be built on its own. */
import * as vscode from 'vscode';
import type { ShipshapeLanguageClient } from '../../language-client';
import { dockerfileOutline } from './workspace-files';

export class StageCodeLenses implements vscode.CodeLensProvider {
  constructor(private readonly languageClient: ShipshapeLanguageClient) {}

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (document.uri.scheme !== 'file') return [];
    const outline = await dockerfileOutline(this.languageClient, document.getText());
    if (!outline) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const stage of outline.stages) {
      // --target needs a name; an unnamed stage other than the last cannot be built alone.
      if (!stage.name && !stage.isFinal) continue;
      const range = new vscode.Range(stage.line, 0, stage.line, 0);
      const args = { dockerfile: document.uri.fsPath, target: stage.isFinal ? undefined : stage.name };
      const what = stage.name ? ` (${stage.name})` : '';
      lenses.push(
        new vscode.CodeLens(range, {
          title: `$(package) Build Image${what}`,
          command: 'shipshape.buildImage',
          arguments: [args],
        }),
        new vscode.CodeLens(range, {
          title: '$(play) Build and Run',
          command: 'shipshape.buildAndRun',
          arguments: [args],
        }),
      );
    }
    return lenses;
  }
}
