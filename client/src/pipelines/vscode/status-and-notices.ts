import * as vscode from 'vscode';
import { STATE_WORDS, elapsed, runTitle } from '../core/format';
import type { CompletedRun, PipelinesService, RepositoryState } from '../core/pipelines-service';
import { statusRun } from '../core/rows';

const STATUS_ICONS: Record<string, string> = {
  queued: 'clock',
  waiting: 'watch',
  in_progress: 'sync~spin',
  success: 'pass',
  failure: 'error',
  cancelled: 'circle-slash',
  skipped: 'debug-step-over',
  manual: 'debug-pause',
  neutral: 'circle-outline',
};

/** The repository of the active editor's file, else the first one watched. */
export function activeRepository(service: PipelinesService): RepositoryState | undefined {
  const repos = service.repositories();
  const path = vscode.window.activeTextEditor?.document.uri.fsPath;
  const containing = path
    ? repos.filter((repo) => path.startsWith(repo.folder)).sort((a, b) => b.folder.length - a.folder.length)[0]
    : undefined;
  return containing ?? repos[0];
}

/** The latest run of the active repository's current branch; a click reveals it in the view. */
export class RunStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'shipshape.pipelines.latestRun',
    vscode.StatusBarAlignment.Left,
    0,
  );

  constructor(private readonly service: PipelinesService) {
    this.item.name = 'Shipshape: latest CI run';
  }

  update(): void {
    const repo = activeRepository(this.service);
    const run = statusRun(repo);
    if (!repo || !run) {
      this.item.hide();
      return;
    }
    const took = elapsed(run, Date.now());
    this.item.text = `$(${STATUS_ICONS[run.state]}) ${runTitle(run)} ${STATE_WORDS[run.state]}${took ? ` · ${took}` : ''}`;
    this.item.tooltip = `${repo.placed.path} · ${run.branch ?? ''}: ${runTitle(run)} ${STATE_WORDS[run.state]}`;
    this.item.command = { command: 'shipshape.revealLatestRun', title: 'Reveal', arguments: [repo.key, run.id] };
    this.item.backgroundColor =
      run.state === 'failure' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/**
 * A message when a watched run finishes: result, workflow, duration; "Open" in the browser and
 * "View Log" (of the failing job when it failed).
 */
export async function announceCompletion(
  { repository, run }: CompletedRun,
  openLog: (repoKey: string, run: CompletedRun['run']) => Promise<void>,
): Promise<void> {
  const took = elapsed(run, Date.now());
  const message = `${runTitle(run)} ${STATE_WORDS[run.state]}${run.branch ? ` on ${run.branch}` : ''}${took ? ` in ${took}` : ''} (${repository.placed.path})`;
  const show = run.state === 'failure' ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
  const choice = await show(message, 'Open', 'View Log');
  if (choice === 'Open') await vscode.env.openExternal(vscode.Uri.parse(run.webUrl));
  if (choice === 'View Log') await openLog(repository.key, run);
}
