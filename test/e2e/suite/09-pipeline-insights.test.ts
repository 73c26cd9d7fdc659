import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { PipelinesApi } from '../../../client/src/pipelines/vscode';
import {
  githubAnnotation,
  githubCheckRun,
  githubCheckRuns,
  githubRepository,
  githubRun,
  githubRuns,
  githubWorkflow,
} from '../../unit/pipelines/helpers/fixtures';
import { StandIn } from '../../unit/pipelines/helpers/stand-in';
import { activeExtension, waitFor, workspaceRoot } from './helpers';
import { canSeeWorkbench, screenshot, visibleText, waitForVisible } from './screenshots';

const API = '/api/v3/repos/octo-org/hello';
const SHA = 'acb5820ced9479c074f688cc328bf03f341a511d';
const TOKEN = 'ghp_E2eTokenThatMustNeverBePrinted00000002';
const DAY = 86_400_000;

/** Ten runs of CI, one a day, run n taking n minutes; runs 3 and 7 failed; the newest (on HEAD) failed too. */
function ciRuns(): Record<string, unknown>[] {
  const start = Date.now() - 11 * DAY;
  const runs = Array.from({ length: 10 }, (_, index) => {
    const n = index + 1;
    const created = start + n * DAY;
    return githubRun({
      id: 1000 + n,
      run_number: n,
      conclusion: n === 3 || n === 7 || n === 10 ? 'failure' : 'success',
      head_sha: n === 10 ? SHA : `${n}`.padStart(40, '0'),
      created_at: new Date(created).toISOString(),
      run_started_at: new Date(created).toISOString(),
      updated_at: new Date(created + n * 60_000).toISOString(),
    });
  });
  return runs.reverse();
}

/**
 * Pipeline insights against the scripted GitHub stand-in: a check-run annotation as a diagnostic, and
 * the CodeLens on a workflow file. Waits are on VS Code's events.
 */
suite('9. pipeline insights', () => {
  const server = new StandIn();
  let api: PipelinesApi;
  const root = () => workspaceRoot().fsPath;
  const created = ['.git', '.github/workflows/ci.yml', 'src/insights-app.ts'];

  suiteSetup(async () => {
    await server.start();
    const runs = ciRuns();
    server.on('GET', API, { status: 200, json: githubRepository() });
    server.on('GET', `${API}/actions/runs`, { status: 200, json: githubRuns(runs.slice(0, 1)) });
    server.on('GET', `${API}/actions/workflows`, {
      status: 200,
      json: { total_count: 1, workflows: [githubWorkflow()] },
    });
    // GitHub takes the workflow's file name or its id (a provider made after the token was set uses the id).
    server.on('GET', `${API}/actions/workflows/(ci\\.yml|159038)/runs`, { status: 200, json: githubRuns(runs) });
    server.on('GET', `${API}/actions/runs/\\d+/attempts/\\d+/jobs`, {
      status: 200,
      json: { total_count: 0, jobs: [] },
    });
    server.on('GET', `${API}/commits/${SHA}/check-runs`, { status: 200, json: githubCheckRuns([githubCheckRun()]) });
    server.on('GET', `${API}/check-runs/4/annotations`, {
      status: 200,
      json: [githubAnnotation({ path: 'src/insights-app.ts', start_line: 3, end_line: 3, title: 'adds' })],
    });

    const settings = vscode.workspace.getConfiguration('shipshape');
    await settings.update('pipelines.github.apiUrl', `${server.url}/api/v3`, vscode.ConfigurationTarget.Global);
    mkdirSync(join(root(), '.git', 'refs', 'heads'), { recursive: true });
    writeFileSync(join(root(), '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(root(), '.git', 'refs', 'heads', 'main'), `${SHA}\n`);
    writeFileSync(
      join(root(), '.git', 'config'),
      `[core]\n\tbare = false\n[remote "origin"]\n\turl = ${server.url}/octo-org/hello.git\n`,
    );
    mkdirSync(join(root(), '.github', 'workflows'), { recursive: true });
    writeFileSync(
      join(root(), '.github', 'workflows', 'ci.yml'),
      [
        'name: CI',
        'on: [push]',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: npm test',
        '  ship:',
        '    needs: test',
        '    environment: production',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: ./ship.sh',
        '',
      ].join('\n'),
    );
    mkdirSync(join(root(), 'src'), { recursive: true });
    writeFileSync(
      join(root(), 'src', 'insights-app.ts'),
      'import { add } from "./add";\n\nexpect(add(1, 1)).toBe(3);\n',
    );

    const extension = await activeExtension();
    api = (extension.exports as { pipelines: PipelinesApi }).pipelines;
    await vscode.commands.executeCommand('shipshape.setGitHubToken', TOKEN, `${server.url}/api/v3`);
    await vscode.commands.executeCommand('shipshape.refreshPipelines');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const path of created) rmSync(join(root(), path), { recursive: true, force: true });
    await vscode.workspace
      .getConfiguration('shipshape')
      .update('pipelines.github.apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await server.stop();
  });

  test('a check-run annotation of the checked-out commit appears as a diagnostic at its line', async () => {
    const uri = vscode.Uri.file(join(root(), 'src', 'insights-app.ts'));
    const ci = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'GitHub Actions');
    const [diagnostic] = await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => ci().length > 0 && ci(),
      'the CI annotation',
    );
    assert.equal(diagnostic!.range.start.line, 2);
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic!.message, 'adds: Expected 2, received 3');
    assert.equal(
      (diagnostic!.code as { target: vscode.Uri }).target.toString(),
      'https://github.com/octo-org/hello/runs/4',
    );
  });

  test('the health page draws its charts and shows the figures', async function () {
    // The page's content lives in the webview's iframes, which only the runner's browser can read.
    if (!canSeeWorkbench()) this.skip();
    // Once the view knows the workflow, the page loads its runs (as the command does for a user).
    await waitFor(
      api.onDidChange,
      () => {
        const workflows = api.rows().find((row) => row.kind === 'workflows');
        return workflows && api.rows(workflows).some((row) => row.label === 'CI');
      },
      'the workflow in the view',
    );
    await vscode.commands.executeCommand('shipshape.showPipelineHealth');
    await waitFor(
      api.onDidChange,
      () => {
        const workflows = api.rows().find((row) => row.kind === 'workflows');
        const ci = workflows && api.rows(workflows).find((row) => row.label === 'CI');
        return /70%/.test(String(ci?.description));
      },
      'the workflow health in the view',
    );
    // Ten completed runs drawn in the duration chart (and the trend over them).
    await waitForVisible('webview:canvas[data-drawn="10"]');
    // Runs 3, 7 and 10 failed; run n took n minutes; every run deploys (ci.yml's `ship` job has an environment).
    assert.equal(await visibleText('webview:[data-figure=successRate]'), '70%');
    assert.equal(await visibleText('webview:[data-figure=median]'), '5m 30s');
    assert.equal(await visibleText('webview:[data-figure=changeFailureRate]'), '30%');
    assert.equal(await visibleText('webview:[data-figure=timeToRecovery]'), '24h 1m (2 recoveries)');
    assert.match(await visibleText('webview:[data-figure=deploymentFrequency]'), /^\d+(\.\d)? a week$/);
    await screenshot('pipeline-health', 'webview:canvas[data-drawn="10"]');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('the workflow file shows its last run, Run Workflow… and Show Runs in a CodeLens', async () => {
    const uri = vscode.Uri.file(join(root(), '.github', 'workflows', 'ci.yml'));
    await vscode.window.showTextDocument(uri);
    const titles = async () =>
      ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? []).map(
        (lens) => lens.command?.title ?? '',
      );
    // The lenses are drawn from the view's state: once it holds the workflow and the branch's failed run, they say so.
    await waitFor(
      api.onDidChange,
      () => {
        const workflows = api.rows().find((row) => row.kind === 'workflows');
        const branch = api.rows().find((row) => row.kind === 'branch');
        return (
          workflows &&
          branch &&
          api.rows(workflows).some((row) => row.label === 'CI') &&
          api.rows(branch).some((row) => row.state === 'failure')
        );
      },
      'the workflow and its failed run in the view',
    );
    const found = await titles();
    assert.match(found[0] ?? '', /^✗ failed \d+ h ago · 10m 0s$|^✗ failed yesterday · 10m 0s$/, found.join(' | '));
    assert.ok(found.includes('Show Runs'), found.join(' | '));
    assert.ok(found.includes('Run Workflow…') === false, 'the file has no workflow_dispatch trigger');
  });
});
