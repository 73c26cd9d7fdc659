import * as vscode from 'vscode';
import type { RunState } from '../core/model';
import type { PipelinesService } from '../core/pipelines-service';
import { childRows, type Row, type RowOptions } from '../core/rows';

const STATE_ICONS: Record<RunState, [string, string | undefined]> = {
  queued: ['clock', 'charts.yellow'],
  waiting: ['watch', 'charts.yellow'],
  in_progress: ['sync~spin', 'charts.yellow'],
  success: ['pass', 'testing.iconPassed'],
  failure: ['error', 'testing.iconFailed'],
  cancelled: ['circle-slash', 'disabledForeground'],
  skipped: ['debug-step-over', 'disabledForeground'],
  manual: ['debug-pause', 'charts.blue'],
  neutral: ['circle-outline', undefined],
};

export function stateIcon(state: RunState): vscode.ThemeIcon {
  const [id, color] = STATE_ICONS[state];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/**
 * The Pipelines tree: rows from the service's state mapped to TreeItems. When a row's children are
 * not loaded, the service is asked to load them and the tree refreshes when it has.
 */
export class PipelinesTree implements vscode.TreeDataProvider<Row>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Row | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly parents = new Map<string, Row | undefined>();
  private readonly loading = new Set<string>();

  constructor(
    private readonly service: PipelinesService,
    private readonly options: () => Omit<RowOptions, 'now'> & { showWelcome?: () => boolean },
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(parent?: Row): Row[] {
    // An empty root lets the view's welcome explain the whole-view states (signed out, unreachable…).
    if (!parent && this.options().showWelcome?.()) return [];
    const { rows, needs } = childRows(this.service, parent, { ...this.options(), now: Date.now() });
    for (const row of rows) this.parents.set(row.id, parent);
    if (needs) {
      const key = needs.kind === 'jobs' ? `jobs:${parent?.id}` : `runs:${parent?.id}`;
      if (!this.loading.has(key)) {
        this.loading.add(key);
        const load =
          needs.kind === 'jobs'
            ? this.service.loadJobs(needs.repoKey, needs.run)
            : this.service.loadWorkflowRuns(needs.repoKey, needs.workflowId);
        // The service keeps errors in its state (an error row); nothing is left unhandled here.
        void load.catch(() => undefined).finally(() => this.loading.delete(key));
      }
    }
    return rows;
  }

  getParent(row: Row): Row | undefined {
    return this.parents.get(row.id);
  }

  getTreeItem(row: Row): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, collapsible(row.collapsible));
    item.id = row.id;
    item.description = row.description;
    item.contextValue = row.contextValue;
    if (row.tooltip) {
      const tooltip = new vscode.MarkdownString(row.tooltip);
      // Links in tooltips open in the browser; nothing in them runs commands.
      tooltip.isTrusted = false;
      item.tooltip = tooltip;
    }
    if (row.state) item.iconPath = stateIcon(row.state);
    else if (row.icon)
      item.iconPath = new vscode.ThemeIcon(
        row.icon,
        row.kind === 'error' ? new vscode.ThemeColor('list.warningForeground') : undefined,
      );
    if (row.kind === 'error') item.command = { command: 'shipshape.retryRequest', title: 'Retry', arguments: [row] };
    else if (row.kind === 'job' && row.contextValue.includes(';viewLog;'))
      item.command = { command: 'shipshape.viewJobLog', title: 'View Log', arguments: [row] };
    return item;
  }

  /** The row of a run in the current-branch section, for reveal from the status bar. */
  findRunRow(repoKey: string, runId: number): Row | undefined {
    const roots = this.getChildren();
    const repoRow = roots.find((row) => row.kind === 'repository' && row.repoKey === repoKey);
    const sections = repoRow ? this.getChildren(repoRow) : roots;
    const branch = sections.find((row) => row.kind === 'branch' && row.repoKey === repoKey);
    return branch ? this.getChildren(branch).find((row) => row.run?.id === runId) : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function collapsible(state: Row['collapsible']): vscode.TreeItemCollapsibleState {
  if (state === 'expanded') return vscode.TreeItemCollapsibleState.Expanded;
  if (state === 'collapsed') return vscode.TreeItemCollapsibleState.Collapsed;
  return vscode.TreeItemCollapsibleState.None;
}
