import * as vscode from 'vscode';
import type { FileDiagnostic } from '../core/annotations/annotation';
import { AnnotationWatcher } from '../core/annotations/annotation-watcher';
import { systemClock } from '../core/http';
import type { PipelinesService } from '../core/pipelines-service';

const SEVERITY: Record<FileDiagnostic['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export function annotationsEnabled(): boolean {
  return vscode.workspace.getConfiguration('shipshape').get<string>('pipelines.annotations', 'on') !== 'off';
}

/** CI annotations of the checked-out commit as diagnostics (source `GitHub Actions` / `GitLab CI`). */
export class CiDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('shipshape-ci');
  readonly watcher: AnnotationWatcher;
  private readonly subscription: { dispose(): void };

  constructor(service: PipelinesService) {
    this.watcher = new AnnotationWatcher(service, readWorkspaceFile, systemClock);
    this.watcher.setEnabled(annotationsEnabled());
    this.subscription = this.watcher.onDidChange(() => this.show());
  }

  /** After each poll, and when the setting changes. */
  update(): void {
    this.watcher.setEnabled(annotationsEnabled());
    void this.watcher.update();
  }

  private show(): void {
    this.collection.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const repo of this.watcher.all())
      for (const item of repo.diagnostics) {
        const uri = vscode.Uri.joinPath(vscode.Uri.file(repo.folder), item.path).toString();
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(item.line, item.column, item.endLine, item.endColumn),
          item.message,
          SEVERITY[item.severity],
        );
        diagnostic.source = item.source;
        // The code links to the run, as rule ids link to their docs.
        if (item.url) diagnostic.code = { value: 'run', target: vscode.Uri.parse(item.url) };
        byFile.set(uri, [...(byFile.get(uri) ?? []), diagnostic]);
      }
    for (const [uri, diagnostics] of byFile) this.collection.set(vscode.Uri.parse(uri), diagnostics);
  }

  dispose(): void {
    this.subscription.dispose();
    this.watcher.dispose();
    this.collection.dispose();
  }
}

async function readWorkspaceFile(folder: string, path: string): Promise<string | undefined> {
  try {
    const uri = vscode.Uri.joinPath(vscode.Uri.file(folder), path);
    if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.File) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
