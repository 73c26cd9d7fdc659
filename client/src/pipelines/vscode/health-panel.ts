import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { healthPage } from '../core/health/page-model';
import { healthHtml } from '../core/health/page-html';
import { DEFAULT_HEALTH_WINDOW, type PipelinesService } from '../core/pipelines-service';

/**
 * `Shipshape: Show Pipeline Health`: one webview per repository, drawn from the view's state and
 * updated after every poll while it is open. Opening it loads the runs of workflows not yet expanded.
 */
export class HealthPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(
    private readonly service: PipelinesService,
    private readonly extensionUri: vscode.Uri,
  ) {}

  async show(repoKey?: string): Promise<void> {
    const repo = repoKey ? this.service.repository(repoKey) : await this.pick();
    if (!repo) return;
    const existing = this.panels.get(repo.key);
    if (existing) return existing.reveal();
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel(
      'shipshape.pipelineHealth',
      `Pipeline Health: ${repo.placed.path}`,
      vscode.ViewColumn.Active,
      { enableScripts: true, localResourceRoots: [dist], enableCommandUris: false },
    );
    this.panels.set(repo.key, panel);
    panel.onDidDispose(() => this.panels.delete(repo.key));
    panel.webview.onDidReceiveMessage((message: { type?: unknown }) => {
      if (message?.type === 'ready') this.update();
    });
    const nonce = randomBytes(16).toString('base64');
    panel.webview.html = healthHtml(this.page(repo.key)!, {
      nonce,
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'health-view.js')).toString(),
    });
    for (const workflow of repo.workflows.value ?? []) await this.service.loadWorkflowRuns(repo.key, workflow.id);
    this.update();
  }

  /** After each poll: every open page gets the new figures. */
  update(): void {
    for (const [key, panel] of this.panels) {
      const page = this.page(key);
      if (page) void panel.webview.postMessage({ type: 'health', page });
    }
  }

  private page(key: string) {
    const repo = this.service.repository(key);
    const window = this.service.currentSettings.healthWindow ?? DEFAULT_HEALTH_WINDOW;
    return repo ? healthPage(repo, window, Date.now()) : undefined;
  }

  private async pick() {
    const repos = this.service.repositories();
    if (repos.length <= 1) return repos[0];
    const picked = await vscode.window.showQuickPick(
      repos.map((repo) => ({ label: repo.placed.path, description: repo.placed.host, repo })),
      { title: 'Show Pipeline Health' },
    );
    return picked?.repo;
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
  }
}
