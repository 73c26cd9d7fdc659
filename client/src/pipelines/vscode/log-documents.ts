import * as vscode from 'vscode';
import { ApiError } from '../core/http';
import { cleanLog, sectionAt, type CleanLog } from '../core/log-text';
import { isActive, type Job } from '../core/model';
import { asApiError, type PipelinesService } from '../core/pipelines-service';

export const LOG_SCHEME = 'shipshape-log';
/** A running job's log is fetched again this often while its document is open. */
const LIVE_LOG_INTERVAL_MS = 5_000;

interface LogEntry {
  repoKey: string;
  job: Job;
  log?: CleanLog;
}

/**
 * Job logs as read-only virtual documents: cleaned (no ANSI codes, no timestamps), with folding
 * ranges for each group or section, re-fetched while the job runs.
 */
export class LogDocuments
  implements vscode.TextDocumentContentProvider, vscode.FoldingRangeProvider, vscode.Disposable
{
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly entries = new Map<string, LogEntry>();
  private readonly timers = new Map<string, ReturnType<typeof setInterval>>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: PipelinesService) {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(LOG_SCHEME, this),
      vscode.languages.registerFoldingRangeProvider({ scheme: LOG_SCHEME }, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.stopLive(document.uri.toString())),
    ];
  }

  uriFor(repoKey: string, job: Job): vscode.Uri {
    const name = job.name.replace(/[^\w.-]+/g, '-').slice(0, 60) || 'job';
    const uri = vscode.Uri.from({ scheme: LOG_SCHEME, path: `/${job.provider}/${job.id}/${name}.log` });
    this.entries.set(uri.toString(), { repoKey, job, log: this.entries.get(uri.toString())?.log });
    return uri;
  }

  /** Open the log in an editor and reveal the failing step (the first error), folded sections aside. */
  async open(repoKey: string, job: Job): Promise<vscode.TextEditor> {
    const uri = this.uriFor(repoKey, job);
    const open = vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
    // Opened before: VS Code would show the text it has; the log may have grown since.
    if (open) this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const log = this.entries.get(uri.toString())?.log;
    if (log?.errorLine !== undefined) {
      const section = sectionAt(log, log.errorLine);
      const position = new vscode.Position(log.errorLine, 0);
      editor.selection = new vscode.Selection(position, position);
      editor.revealRange(
        new vscode.Range(section?.start ?? log.errorLine, 0, log.errorLine, 0),
        vscode.TextEditorRevealType.AtTop,
      );
    }
    if (isActive(job.state)) this.startLive(uri);
    return editor;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const entry = this.entries.get(uri.toString());
    if (!entry) return 'This log is no longer available: open it again from the Pipelines view.\n';
    const state = this.service.repository(entry.repoKey);
    if (!state) return 'The repository of this log is no longer in the workspace.\n';
    try {
      const provider = await this.service.providerFor(state);
      entry.log = cleanLog(await provider.jobLog(entry.job));
      return entry.log.text || '(the log is empty so far)\n';
    } catch (error) {
      const apiError = asApiError(error);
      this.stopLive(uri.toString());
      if (apiError.kind === 'gone') return `This log has expired: ${apiError.message}.\n`;
      return `The log could not be read: ${apiError instanceof ApiError ? apiError.message : 'unknown error'}.\n`;
    }
  }

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    const log = this.entries.get(document.uri.toString())?.log;
    return (log?.sections ?? [])
      .filter((section) => section.end > section.start)
      .map((section) => new vscode.FoldingRange(section.start, section.end, vscode.FoldingRangeKind.Region));
  }

  private startLive(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.timers.has(key)) return;
    this.timers.set(
      key,
      setInterval(() => {
        const entry = this.entries.get(key);
        const state = entry && this.service.repository(entry.repoKey);
        const fresh =
          state && [...state.jobs.values()].flatMap((jobs) => jobs.value ?? []).find((job) => job.id === entry.job.id);
        if (entry && fresh) entry.job = fresh;
        this.changed.fire(uri);
        if (!entry || !isActive(entry.job.state)) this.stopLive(key);
      }, LIVE_LOG_INTERVAL_MS),
    );
  }

  private stopLive(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearInterval(timer);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const key of [...this.timers.keys()]) this.stopLive(key);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
