import * as path from 'node:path';
import * as vscode from 'vscode';
import { gitlabJobKeys, jobLensText, latestRunOf, runLensText } from '../core/lens-text';
import { jobsKey, type PipelinesService, type RepositoryState } from '../core/pipelines-service';
import type { Row } from '../core/rows';
import type { PipelinesTree } from './tree';

export const LENS_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', pattern: '**/.github/workflows/*.{yml,yaml}' },
  { scheme: 'file', pattern: '**/.gitlab-ci.yml' },
];

/**
 * CodeLenses on CI files: a workflow's last run (with Run Workflow… and Show Runs) on its first line,
 * and each GitLab job's last state on the current branch at its key. Data from the view's state only;
 * the jobs of the branch's newest pipeline are loaded once when a `.gitlab-ci.yml` is open.
 */
export class PipelineLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly asked = new Set<string>();

  constructor(
    private readonly service: PipelinesService,
    private readonly dispatchable: (repoKey: string, workflowPath: string) => boolean | undefined,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const found = this.repositoryOf(document.uri.fsPath);
    if (!found) return [];
    const { repo, relative } = found;
    const now = Date.now();
    if (repo.placed.provider === 'gitlab' && relative === '.gitlab-ci.yml')
      return this.gitlabLenses(repo, document, now);
    const workflow = repo.workflows.value?.find((each) => each.path === relative);
    if (!workflow) return [];
    const run = latestRunOf(relative, [repo.branchRuns.value, repo.workflowRuns.get(workflow.id)?.value]);
    const top = new vscode.Range(0, 0, 0, 0);
    const row: Row = {
      id: `lens:${repo.key}:${workflow.id}`,
      kind: 'workflow',
      label: workflow.name,
      collapsible: 'none',
      contextValue: ';workflow;github;',
      repoKey: repo.key,
      workflow,
    };
    const lenses = [
      new vscode.CodeLens(
        top,
        run
          ? { title: runLensText(run, now), command: 'vscode.open', arguments: [vscode.Uri.parse(run.webUrl)] }
          : { title: runLensText(undefined, now), command: '' },
      ),
    ];
    if (this.dispatchable(repo.key, workflow.path) !== false)
      lenses.push(
        new vscode.CodeLens(top, { title: 'Run Workflow…', command: 'shipshape.runWorkflow', arguments: [row] }),
      );
    lenses.push(
      new vscode.CodeLens(top, {
        title: 'Show Runs',
        command: 'shipshape.showWorkflowRuns',
        arguments: [repo.key, workflow.id],
      }),
    );
    return lenses;
  }

  private gitlabLenses(repo: RepositoryState, document: vscode.TextDocument, now: number): vscode.CodeLens[] {
    const run = repo.branchRuns.value?.[0];
    const jobs = run ? repo.jobs.get(jobsKey(run))?.value : undefined;
    if (run && !jobs && !this.asked.has(jobsKey(run))) {
      this.asked.add(jobsKey(run));
      void this.service.loadJobs(repo.key, run).then(() => this.changed.fire());
    }
    return gitlabJobKeys(document.getText()).map(({ name, line }) => {
      const job = jobs?.filter((each) => each.name === name).sort((a, b) => b.id - a.id)[0];
      const url = job?.webUrl ?? run?.webUrl;
      return new vscode.CodeLens(
        new vscode.Range(line, 0, line, 0),
        url
          ? { title: jobLensText(job, run, now), command: 'vscode.open', arguments: [vscode.Uri.parse(url)] }
          : { title: jobLensText(job, run, now), command: '' },
      );
    });
  }

  /** The repository whose folder holds the file (the deepest one), and the file's path inside it. */
  private repositoryOf(file: string): { repo: RepositoryState; relative: string } | undefined {
    let best: { repo: RepositoryState; relative: string } | undefined;
    for (const repo of this.service.repositories()) {
      const relative = path.relative(repo.folder, file);
      if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) continue;
      if (!best || repo.folder.length > best.repo.folder.length)
        best = { repo, relative: relative.split(path.sep).join('/') };
    }
    return best;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Show Runs: the workflow's row in the view, expanded. */
export async function revealWorkflow(
  tree: PipelinesTree,
  view: vscode.TreeView<Row>,
  repoKey: string,
  workflowId: number,
): Promise<void> {
  const roots = tree.getChildren();
  const repoRow = roots.find((row) => row.kind === 'repository' && row.repoKey === repoKey);
  const sections = repoRow ? tree.getChildren(repoRow) : roots;
  const workflows = sections.find((row) => row.kind === 'workflows' && row.repoKey === repoKey);
  const row = workflows && tree.getChildren(workflows).find((each) => each.workflow?.id === workflowId);
  if (row) await view.reveal(row, { select: true, focus: true, expand: true });
}
