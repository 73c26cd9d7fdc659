/**
 * After a build, the size each instruction added, as an inlay hint at the end of its line, and the
 * image's total on the FROM of the built stage. Hints follow their instructions through edits and
 * disappear when the file changes beyond recognition (see relocateLayers).
 */
import * as vscode from 'vscode';
import type { ShipshapeLanguageClient } from '../../language-client';
import { formatBytes, relocateLayers, type ImageLayers } from '../core/layers';
import { dockerfileOutline } from './workspace-files';

interface Stored {
  layers: ImageLayers;
  image: string;
}

export class LayerSizes implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly byUri = new Map<string, Stored>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;

  constructor(private readonly languageClient: ShipshapeLanguageClient) {}

  set(uri: vscode.Uri, layers: ImageLayers, image: string): void {
    this.byUri.set(uri.toString(), { layers, image });
    this.changed.fire();
  }

  get(uri: vscode.Uri): Stored | undefined {
    return this.byUri.get(uri.toString());
  }

  async provideInlayHints(document: vscode.TextDocument): Promise<vscode.InlayHint[]> {
    const key = document.uri.toString();
    const stored = this.byUri.get(key);
    if (!stored) return [];
    const outline = await dockerfileOutline(this.languageClient, document.getText());
    if (!outline) return [];
    const layers = relocateLayers(stored.layers, outline);
    if (!layers) {
      this.byUri.delete(key);
      return [];
    }
    this.byUri.set(key, { ...stored, layers });
    const endOf = (line: number) => {
      const last = outline.instructions.find((item) => item.line === line)?.endLine ?? line;
      return document.lineAt(Math.min(last, document.lineCount - 1)).range.end;
    };
    const hint = (line: number, label: string, tooltip: string) => {
      const item = new vscode.InlayHint(endOf(line), label, vscode.InlayHintKind.Type);
      item.paddingLeft = true;
      item.tooltip = tooltip;
      return item;
    };
    return [
      hint(layers.fromLine, `— image ${formatBytes(layers.totalBytes)}`, `Total size of ${stored.image}`),
      ...layers.layers.map((layer) =>
        hint(layer.line, `— ${formatBytes(layer.sizeBytes)}`, `Size this ${layer.keyword} added to ${stored.image}`),
      ),
    ];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
