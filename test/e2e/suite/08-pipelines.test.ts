import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { Row } from '../../../client/src/pipelines/core/rows';
import type { PipelinesApi } from '../../../client/src/pipelines/vscode';
import { githubJob, githubRun, githubRuns, githubWorkflow } from '../../unit/pipelines/helpers/fixtures';
import { StandIn } from '../../unit/pipelines/helpers/stand-in';
import { activeExtension, waitFor, workspaceRoot } from './helpers';
import { canSeeWorkbench, pressWhenVisible, screenshot, waitForVisible } from './screenshots';

const API = '/api/v3/repos/octo-org/hello';
const RUNS = `${API}/actions/runs`;
/** Steps the side bar is widened by for the pictures (and narrowed back by afterwards). */
const WIDER = 4;
const TOKEN = 'ghp_E2eTokenThatMustNeverBePrinted00000001';
const WORKFLOW = `name: Deploy
on:
  workflow_dispatch:
    inputs:
      environment:
        description: Where to deploy
        type: choice
        options: [staging, production]
        default: staging
      dry-run:
        description: Only print what would change
        type: boolean
        default: true
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: echo deploying
`;

/**
 * The Pipelines view against a scripted stand-in for GitHub: a workspace whose git remote points at
 * it (the `.git` is made here, at run time), the API URL in the user's settings, a token set through
 * the command. Every wait is on an event of the view or of VS Code.
 */
suite('8. pipelines view', () => {
  const server = new StandIn();
  let api: PipelinesApi;
  let run = { status: 'in_progress', conclusion: null as string | null, run_attempt: 1 };
  let failRuns = false;
  const gitDir = () => join(workspaceRoot().fsPath, '.git');
  const workflowFile = () => join(workspaceRoot().fsPath, '.github', 'workflows', 'deploy.yml');

  const rows = (parent?: Row) => api.rows(parent);
  const waitRow = (parent: () => Row | undefined, match: (row: Row) => boolean, what: string) =>
    waitFor(
      api.onDidChange,
      () => {
        const container = parent();
        return container || parent === top ? rows(container).find(match) : undefined;
      },
      what,
    );
  const top = () => undefined;

  suiteSetup(async () => {
    await server.start();
    server.on('GET', RUNS, () =>
      failRuns
        ? { status: 500, json: { message: 'Server Error' } }
        : {
            status: 200,
            json: githubRuns([
              githubRun({
                ...run,
                head_branch: 'main',
                created_at: new Date(Date.now() - 100_000).toISOString(),
                run_started_at: new Date(Date.now() - 95_000).toISOString(),
                updated_at: new Date().toISOString(),
              }),
            ]),
          },
    );
    server.on('GET', `${API}/actions/workflows`, {
      status: 200,
      json: {
        total_count: 2,
        workflows: [githubWorkflow(), githubWorkflow({ id: 2, name: 'Deploy', path: '.github/workflows/deploy.yml' })],
      },
    });
    server.on('GET', `${API}/actions/workflows/[^/]+/runs`, { status: 200, json: githubRuns([]) });
    server.on('GET', `${RUNS}/30433642/attempts/\\d+/jobs`, () => ({
      status: 200,
      json: {
        total_count: 2,
        jobs: [
          githubJob({ status: run.status, conclusion: run.conclusion }),
          githubJob({ id: 2, name: 'lint', conclusion: 'success', steps: [] }),
        ],
      },
    }));
    server.on('GET', `${API}/actions/jobs/399444496/logs`, {
      status: 200,
      text: [
        '2026-05-04T11:50:10.1234567Z ##[group]Run npm ci',
        '2026-05-04T11:50:11.1234567Z added 412 packages',
        '2026-05-04T11:50:12.1234567Z ##[endgroup]',
        '2026-05-04T11:50:13.1234567Z ##[group]Run npm test',
        '2026-05-04T11:50:14.1234567Z \u001b[32m✔ parser\u001b[0m',
        '2026-05-04T11:50:15.1234567Z \u001b[31m✖ lexer: expected 3 tokens, got 2\u001b[0m',
        '2026-05-04T11:50:16.1234567Z ##[error]Process completed with exit code 1.',
        '2026-05-04T11:50:16.2234567Z ##[endgroup]',
      ].join('\n'),
    });
    server.on('POST', `${RUNS}/30433642/cancel`, () => {
      run = { ...run, status: 'completed', conclusion: 'cancelled' };
      return { status: 202, json: {} };
    });
    server.on('POST', `${RUNS}/30433642/rerun`, () => {
      run = { status: 'queued', conclusion: null, run_attempt: run.run_attempt + 1 };
      return { status: 201, json: {} };
    });
    server.on('POST', `${API}/actions/workflows/deploy.yml/dispatches`, { status: 204 });
    server.on('GET', `${API}/environments`, { status: 200, json: { total_count: 0, environments: [] } });

    // The user's settings (machine-scoped ones included) point at the stand-in; the workspace's git remote too.
    const settings = vscode.workspace.getConfiguration('shipshape');
    await settings.update('pipelines.github.apiUrl', `${server.url}/api/v3`, vscode.ConfigurationTarget.Global);
    await settings.update('pipelines.notify', 'all', vscode.ConfigurationTarget.Global);
    mkdirSync(gitDir(), { recursive: true });
    writeFileSync(join(gitDir(), 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(
      join(gitDir(), 'config'),
      `[core]\n\tbare = false\n[remote "origin"]\n\turl = ${server.url}/octo-org/hello.git\n`,
    );
    mkdirSync(join(workspaceRoot().fsPath, '.github', 'workflows'), { recursive: true });
    writeFileSync(workflowFile(), WORKFLOW);

    const extension = await activeExtension();
    api = (extension.exports as { pipelines: PipelinesApi }).pipelines;
    await vscode.commands.executeCommand('shipshape.setGitHubToken', TOKEN, `${server.url}/api/v3`);
    await vscode.commands.executeCommand('shipshape.pipelines.focus');
    await vscode.commands.executeCommand('shipshape.refreshPipelines');
  });

  suiteTeardown(async () => {
    rmSync(gitDir(), { recursive: true, force: true });
    rmSync(join(workspaceRoot().fsPath, '.github', 'workflows', 'deploy.yml'), { force: true });
    const settings = vscode.workspace.getConfiguration('shipshape');
    await settings.update('pipelines.github.apiUrl', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('pipelines.notify', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The side bar is shared: the later suites' pictures need the editor as wide as it was.
    for (let step = 0; step < WIDER; step++) await vscode.commands.executeCommand('workbench.action.decreaseViewSize');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await server.stop();
  });

  const branch = () => rows().find((row) => row.kind === 'branch');
  const runRow = () => (branch() ? rows(branch()).find((row) => row.kind === 'run') : undefined);

  test('the view shows the repository, its runs and jobs, with the token sent and never shown', async () => {
    const found = await waitRow(
      branch,
      (row) => row.kind === 'run' && row.label === 'CI #412',
      'the run of the current branch',
    );
    assert.equal(found.state, 'in_progress');
    const jobs = await waitFor(
      api.onDidChange,
      () => rows(runRow()).filter((row) => row.kind === 'job').length === 2 && rows(runRow()),
      'the jobs of the run',
    );
    assert.deepEqual(
      jobs.filter((row) => row.kind === 'job').map((row) => row.label),
      ['build', 'lint'],
    );
    const request = server.requests.find((r) => r.path === RUNS)!;
    // A boolean check: a failing assert.equal would print the token.
    assert.ok(request.headers.authorization === `token ${TOKEN}`, 'the token set through the command is sent');
    assert.equal(request.query.get('branch'), 'main');
    assert.ok(!JSON.stringify(rows()).includes(TOKEN));
    const workflows = rows().find((row) => row.kind === 'workflows')!;
    await waitFor(api.onDidChange, () => rows(workflows).some((row) => row.label === 'Deploy'), 'the workflows');
  });

  test('a run completing fires the notification', async () => {
    run = { ...run, status: 'completed', conclusion: 'failure' };
    const message = await waitFor(
      api.onDidNotify,
      () => api.notifications.find((text) => /CI #412 failure/.test(text)),
      'the completion notification',
    );
    assert.ok(message);
    const failed = await waitRow(
      branch,
      (row) => row.kind === 'run' && row.state === 'failure',
      'the run shown as failed',
    );
    // The README picture: the failed run revealed (as the status bar does) with its jobs and steps.
    await vscode.commands.executeCommand('notifications.clearAll');
    await waitFor(
      api.onDidChange,
      () => rows(runRow()).some((row) => row.label === 'build' && row.state === 'failure'),
      'the final job states',
    );
    // Revealing opens the failed job too, even though the tree drew it collapsed while it ran.
    await vscode.commands.executeCommand('shipshape.revealLatestRun', failed.repoKey, failed.run!.id);
    for (let step = 0; step < WIDER; step++) await vscode.commands.executeCommand('workbench.action.increaseViewSize');
    await screenshot('pipelines-view', '.pane-body .monaco-list-row >> text=/Run tests/');
  });

  test('the log opens in an editor without ANSI codes or timestamps, at the failing step', async () => {
    const job = await waitFor(
      api.onDidChange,
      () => rows(runRow()).find((row) => row.label === 'build' && row.state === 'failure'),
      'the failed job',
    );
    await vscode.commands.executeCommand('shipshape.viewJobLog', job);
    const editor = await waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      () =>
        vscode.window.activeTextEditor?.document.uri.scheme === 'shipshape-log'
          ? vscode.window.activeTextEditor
          : undefined,
      'the log editor',
    );
    const text = editor.document.getText();
    assert.match(text, /✖ lexer: expected 3 tokens, got 2/);
    assert.ok(!text.includes('\u001b'), 'no ANSI codes');
    assert.doesNotMatch(text, /\d{4}-\d\d-\d\dT\d\d:/, 'no timestamps');
    assert.equal(
      editor.document.lineAt(editor.selection.active.line).text,
      'Error: Process completed with exit code 1.',
    );
    await vscode.commands.executeCommand('notifications.clearAll');
    // Monaco renders spaces as no-break spaces: the selector matches a single word.
    await screenshot('pipelines-log', '.monaco-editor .view-line >> text=/lexer/');
  });

  test('cancel and re-run hit their endpoints, and the view follows', async () => {
    run = { status: 'in_progress', conclusion: null, run_attempt: 1 };
    await vscode.commands.executeCommand('shipshape.refreshPipelines');
    const active = await waitRow(branch, (row) => row.kind === 'run' && row.state === 'in_progress', 'the running run');
    await vscode.commands.executeCommand('shipshape.cancelRun', active);
    await waitRow(branch, (row) => row.kind === 'run' && row.state === 'cancelled', 'the cancelled run');
    await vscode.commands.executeCommand('shipshape.rerunRun', runRow());
    await waitRow(branch, (row) => row.kind === 'run' && row.label === 'CI #412 (attempt 2)', 'the re-run attempt');
    assert.deepEqual(
      server.requests.filter((r) => r.method === 'POST').map((r) => r.path),
      [`${RUNS}/30433642/cancel`, `${RUNS}/30433642/rerun`],
    );
  });

  test('an API failure shows the error node, and Retry recovers', async () => {
    failRuns = true;
    await vscode.commands.executeCommand('shipshape.refreshPipelines');
    const error = await waitRow(branch, (row) => row.kind === 'error', 'the error node');
    assert.match(error.label, /server error \(500\)/);
    failRuns = false;
    await vscode.commands.executeCommand('shipshape.retryRequest', error);
    await waitFor(
      api.onDidChange,
      () => !rows(branch()).some((row) => row.kind === 'error') && rows(branch()).some((row) => row.kind === 'run'),
      'the error node to go',
    );
  });

  test('a workspace’s .vscode/settings.json cannot redirect requests (and the token) to another server', async () => {
    const elsewhere = await new StandIn().start();
    elsewhere.on('GET', '.*', { status: 200, json: githubRuns([]) });
    const settingsFile = join(workspaceRoot().fsPath, '.vscode', 'settings.json');
    const original = existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : undefined;
    try {
      // As a cloned repository would ship it.
      mkdirSync(dirname(settingsFile), { recursive: true });
      const changed = new Promise<void>((resolve) => {
        const subscription = vscode.workspace.onDidChangeConfiguration(() => {
          subscription.dispose();
          resolve();
        });
      });
      writeFileSync(
        settingsFile,
        JSON.stringify({
          ...(original ? JSON.parse(original) : {}),
          'shipshape.pipelines.github.apiUrl': `${elsewhere.url}/api/v3`,
          // A window-scoped setting beside it, which does apply: proof that the file was read.
          'shipshape.pipelines.runsPerWorkflow': 7,
        }),
      );
      await changed;
      const before = server.count('GET', RUNS);
      await vscode.commands.executeCommand('shipshape.refreshPipelines');
      assert.ok(server.count('GET', RUNS) > before, 'the configured server is still asked');
      const last = server.requests.filter((r) => r.path === RUNS).at(-1)!;
      assert.equal(last.query.get('per_page'), '7', 'the workspace file was read');
      assert.equal(elsewhere.requests.length, 0, 'the workspace’s server got no request');
    } finally {
      if (original === undefined) rmSync(settingsFile, { force: true });
      else writeFileSync(settingsFile, original);
      await elsewhere.stop();
    }
  });

  test('Run Workflow… asks each input with its control and dispatches typed values', async function () {
    // The quick inputs are driven through the workbench, which only the code-server runner sees.
    if (!canSeeWorkbench()) this.skip();
    const workflows = rows().find((row) => row.kind === 'workflows')!;
    const deploy = rows(workflows).find((row) => row.label === 'Deploy')!;
    await vscode.commands.executeCommand('notifications.clearAll');
    const running = vscode.commands.executeCommand('shipshape.runWorkflow', deploy);
    // The ref (an input box holding the current branch), then the choice, then the boolean: each
    // answered with Enter once its default is the focused row, as a user would (an accept sent before
    // the list has focused a row would cancel the prompt).
    await pressWhenVisible('.quick-input-widget .quick-input-box input');
    await waitForVisible('.quick-input-widget .monaco-list-row >> text=/production/');
    await screenshot('pipelines-dispatch', '.quick-input-widget .monaco-list-row >> text=/staging/');
    await pressWhenVisible('.quick-input-widget .monaco-list-row.focused >> text=/staging/');
    await pressWhenVisible('.quick-input-widget .monaco-list-row.focused >> text=/true/');
    await running;
    const dispatch = await server.waitForRequest((r) => r.method === 'POST' && r.path.endsWith('/dispatches'));
    assert.deepEqual(dispatch.body, { ref: 'main', inputs: { environment: 'staging', 'dry-run': 'true' } });
  });
});
