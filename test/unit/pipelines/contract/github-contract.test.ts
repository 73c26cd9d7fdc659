/**
 * Contract: every request the GitHub provider makes, sent to prism serving GitHub's own OpenAPI
 * description (cut to the paths we call). Prism validates each request (parameters, body, types)
 * and answers 422 when GitHub would reject it; its answers (GitHub's own examples) are parsed by
 * our model. Runs offline after `npm ci`.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { GitHubProvider } from '../../../../client/src/pipelines/core/github-provider';
import type { FetchLike } from '../../../../client/src/pipelines/core/http';
import type { Job, Run, Workflow } from '../../../../client/src/pipelines/core/model';
import { FakeClock } from '../helpers/fake-clock';
import { PROVIDER_PATHS, cutGitHubSpec } from './cut-github-spec';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('GitHub provider against GitHub’s OpenAPI description (prism)', { timeout: 120_000 }, () => {
  let prism: ChildProcess;
  let url = '';
  let provider: GitHubProvider;
  const sent: { method: string; path: string; status: number }[] = [];
  let prismOutput = '';

  before(async () => {
    const spec = cutGitHubSpec();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    prism = spawn(
      process.execPath,
      [
        join(repoRoot, 'node_modules/@stoplight/prism-cli/dist/index.js'),
        'mock',
        spec,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const ready = new Promise<void>((done, fail) => {
      const scan = (chunk: Buffer) => {
        prismOutput += chunk.toString();
        if (/Prism is listening/.test(prismOutput)) done();
      };
      prism.stdout!.on('data', scan);
      prism.stderr!.on('data', scan);
      prism.once('exit', (code) => fail(new Error(`prism exited (${code}): ${prismOutput.slice(-2000)}`)));
    });
    await ready;
    // Prism refuses Octokit's default `application/vnd.github.v3+json` with 406, and its log
    // endpoint redirects to another host: both are prism's limits, not GitHub's contract.
    const contractFetch: FetchLike = async (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set('accept', 'application/json');
      const response = await fetch(input, { ...init, headers, redirect: 'manual' });
      const target = new URL(String(input instanceof Request ? input.url : input));
      sent.push({ method: init.method ?? 'GET', path: target.pathname, status: response.status });
      // Prism copies the examples' `Link` headers, which point at api.github.com and at a next page
      // that is the same example again; pagination itself is covered by the scenario tests.
      const answer = new Headers(response.headers);
      answer.delete('link');
      const copy = new Response(response.status === 302 ? null : await response.arrayBuffer(), {
        status: response.status,
        headers: answer,
      });
      Object.defineProperty(copy, 'url', { value: response.url });
      return copy;
    };
    provider = new GitHubProvider({
      apiUrl: url,
      owner: 'octo-org',
      repo: 'hello',
      token: 'ghp_contract0000000000000000000000000000',
      fetch: contractFetch,
      clock: new FakeClock(),
      retries: 0,
    });
  });

  after(() => {
    prism?.kill('SIGTERM');
  });

  const run: Run = {
    provider: 'github',
    id: 30433642,
    attempt: 2,
    name: 'CI',
    number: 412,
    sha: 'acb5820ced9479c074f688cc328bf03f341a511d',
    state: 'failure',
    createdAt: '2026-05-04T11:50:00Z',
    webUrl: 'https://github.com/octo-org/hello/actions/runs/30433642',
  };
  const job: Job = { provider: 'github', id: 399444496, runId: run.id, name: 'build', state: 'failure', steps: [] };
  const workflow: Workflow = { id: 161335, name: 'CI', path: '.github/workflows/ci.yml', active: true };

  test('list the runs of a branch: accepted, and GitHub’s example parsed into runs', async () => {
    const page = await provider.branchRuns('main', 10);
    assert.ok(page.runs.length > 0);
    const [first] = page.runs;
    assert.equal(typeof first!.id, 'number');
    assert.equal(typeof first!.number, 'number');
    assert.ok(
      ['queued', 'waiting', 'in_progress', 'success', 'failure', 'cancelled', 'skipped', 'neutral'].includes(
        first!.state,
      ),
    );
    assert.match(first!.webUrl, /^https:\/\//);
  });

  test('list workflows, and the runs of one workflow', async () => {
    const workflows = await provider.workflows();
    assert.ok(workflows.length > 0);
    assert.equal(typeof workflows[0]!.path, 'string');
    const page = await provider.workflowRuns(workflows[0]!.id, 5);
    assert.ok(Array.isArray(page.runs));
  });

  test('list the jobs of a run attempt, with steps', async () => {
    const jobs = await provider.jobs(run);
    assert.ok(jobs.length > 0);
    assert.ok(Array.isArray(jobs[0]!.steps));
    assert.equal(typeof jobs[0]!.name, 'string');
  });

  test('cancel, re-run, re-run failed jobs, re-run one job', async () => {
    await provider.cancel(run);
    await provider.rerun(run);
    await provider.rerunFailed(run);
    await provider.retryJob(job);
  });

  test('dispatch with typed inputs (sent as strings) and a ref', async () => {
    await provider.dispatch(workflow, 'main', { environment: 'staging', 'dry-run': 'true', replicas: '3' });
  });

  test('download a job log (GitHub answers with a redirect to the log)', async () => {
    await provider.jobLog(job);
    assert.equal(sent.at(-1)!.status, 302);
  });

  test('the repository, for its default branch (GitHub’s example names `master`)', async () => {
    assert.equal(await provider.defaultBranch(), 'master');
  });

  test('environments and a workflow file', async () => {
    const environments = await provider.environments();
    assert.ok(environments.every((name) => typeof name === 'string'));
    await provider.fileText('.github/workflows/ci.yml', 'main');
  });

  test('check runs of a commit, then the annotations of those that did not pass', async () => {
    const annotations = await provider.annotations('acb5820ced9479c074f688cc328bf03f341a511d');
    assert.ok(annotations.length > 0, 'GitHub’s example check run has annotations');
    assert.ok(annotations.every((each) => each.source === 'GitHub Actions' && typeof each.path === 'string'));
  });

  test('prism rejects what GitHub would reject (the check can fail)', async () => {
    await assert.rejects(provider.branchRuns('main', 'many' as unknown as number), /rejected the request \(422\)/);
  });

  test('every request was accepted, and every path the provider can call was exercised', () => {
    const accepted = sent.filter((request) => request.status < 400 || request.status === 422);
    assert.equal(accepted.length, sent.length, JSON.stringify(sent.filter((r) => r.status >= 400 && r.status !== 422)));
    const templates = PROVIDER_PATHS.map(
      (path) => new RegExp(`^${path.replace(/\{path\}/, '.+').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    );
    for (const [index, template] of templates.entries())
      assert.ok(
        sent.some((request) => template.test(request.path)),
        `${PROVIDER_PATHS[index]} was not called`,
      );
    assert.equal(
      sent.filter((request) => request.status === 422).length,
      1,
      'only the deliberately bad request was refused',
    );
  });
});
