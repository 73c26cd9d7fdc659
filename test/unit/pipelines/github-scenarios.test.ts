/**
 * GitHub scenarios against the scripted stand-in: runs changing state over polls, conditional
 * requests, rate limits, failures and recovery, pagination, actions. Time is the fake clock's.
 */
import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { POLL_INTERVALS } from '../../../client/src/pipelines/core/polling';
import { childRows, type Row } from '../../../client/src/pipelines/core/rows';
import { githubJob, githubRepository, githubRun, githubRuns, githubWorkflow } from './helpers/fixtures';
import { GITHUB_TOKEN, findRow, nextPoll, startHarness, viewRows, type Harness } from './helpers/harness';

const API = '/api/v3/repos/octo-org/hello';
const RUNS = `${API}/actions/runs`;
const WORKFLOWS = `${API}/actions/workflows`;

describe('GitHub scenarios', { timeout: 30_000 }, () => {
  let h: Harness;
  const rows = (parent?: Row) => viewRows(h, parent);
  const find = findRow;
  const watch = async () => {
    h.service.setSources([
      { folder: '/ws', branch: 'main', remotes: [{ name: 'origin', url: `${h.server.url}/octo-org/hello.git` }] },
    ]);
    await h.service.idle();
  };

  beforeEach(async () => {
    h = await startHarness();
    h.server.on('GET', WORKFLOWS, { status: 200, json: { total_count: 1, workflows: [githubWorkflow()] } });
  });
  afterEach(() => h.stop());

  test('a run goes queued → in progress → failure over polls; the notification fires once; polling slows when idle', async () => {
    h.server.sequence('GET', RUNS, [
      { status: 200, json: githubRuns([githubRun({ status: 'queued', conclusion: null })]) },
      { status: 200, json: githubRuns([githubRun({ status: 'in_progress', conclusion: null })]) },
      { status: 200, json: githubRuns([githubRun({ status: 'completed', conclusion: 'failure' })]) },
    ]);
    await watch();
    const request = h.server.requests.find((r) => r.path === RUNS)!;
    assert.equal(request.query.get('branch'), 'main');
    assert.equal(request.query.get('per_page'), '5');
    // A boolean check: a failing assert.equal would print the token.
    assert.ok(
      request.headers.authorization === `token ${GITHUB_TOKEN}`,
      'the token is sent as `authorization: token …`',
    );
    const branch = find(rows(), /^Current branch: main$/);
    assert.equal(find(rows(branch), /^CI #412$/).state, 'queued');
    assert.deepEqual(h.clock.pending(), [POLL_INTERVALS.active]);

    assert.equal(await nextPoll(h), POLL_INTERVALS.active);
    assert.equal(find(rows(branch), /^CI #412$/).state, 'in_progress');
    assert.equal(h.completed.length, 0);

    await nextPoll(h);
    const run = find(rows(branch), /^CI #412$/);
    assert.equal(run.state, 'failure');
    assert.match(run.contextValue, /;rerun;/);
    assert.match(run.contextValue, /;rerunFailed;/);
    assert.doesNotMatch(run.contextValue, /;cancel;/);
    assert.equal(h.completed.length, 1);
    assert.equal(h.completed[0]!.run.state, 'failure');

    // Idle now: the next polls come after 30 s, then 60 s; the finished run is not announced again.
    assert.equal(await nextPoll(h), POLL_INTERVALS.idleStart);
    assert.equal(await nextPoll(h), POLL_INTERVALS.idleStart * 2);
    assert.equal(h.completed.length, 1);
  });

  test('an expanded run’s jobs are polled while it runs, read once more when it finishes, then left alone', async () => {
    let state: Record<string, unknown> = { status: 'in_progress', conclusion: null };
    const jobsPath = `${RUNS}/30433642/attempts/1/jobs`;
    h.server.on('GET', RUNS, () => ({ status: 200, json: githubRuns([githubRun(state)]) }));
    h.server.on('GET', jobsPath, () => ({ status: 200, json: { total_count: 1, jobs: [githubJob(state)] } }));
    await watch();
    const branch = find(rows(), /^Current branch/);
    const run = () => find(rows(branch), /^CI #412$/);
    await h.service.loadJobs(run().repoKey!, run().run!);
    assert.equal(rows(run())[0]!.state, 'in_progress');
    await nextPoll(h);
    assert.equal(h.server.count('GET', jobsPath), 2);
    state = { status: 'completed', conclusion: 'failure' };
    await nextPoll(h);
    assert.equal(rows(run())[0]!.state, 'failure');
    assert.equal(h.server.count('GET', jobsPath), 3);
    await nextPoll(h);
    assert.equal(h.server.count('GET', jobsPath), 3);
  });

  test('run attempts: the newest attempt’s jobs, then each earlier attempt with its own jobs', async () => {
    h.server.on('GET', RUNS, { status: 200, json: githubRuns([githubRun({ run_attempt: 3 })]) });
    h.server.on('GET', `${RUNS}/30433642/attempts/(\\d)/jobs`, (request) => {
      const attempt = request.path.split('/').at(-2);
      return {
        status: 200,
        json: {
          total_count: 1,
          jobs: [githubJob({ name: `build (attempt ${attempt})`, run_attempt: Number(attempt) })],
        },
      };
    });
    await watch();
    const run = find(rows(find(rows(), /^Current branch/)), /^CI #412 \(attempt 3\)$/);
    await h.service.loadJobs(run.repoKey!, run.run!);
    const children = rows(run);
    assert.deepEqual(
      children.map((row) => [row.kind, row.label]),
      [
        ['job', 'build (attempt 3)'],
        ['attempt', 'Attempt 2'],
        ['attempt', 'Attempt 1'],
      ],
    );
    const first = children[2]!;
    assert.equal(childRows(h.service, first, { now: h.clock.now() }).needs?.kind, 'jobs');
    await h.service.loadJobs(first.repoKey!, first.run!);
    assert.deepEqual(
      rows(first).map((row) => row.label),
      ['build (attempt 1)'],
    );
    assert.equal(first.url, 'https://github.com/octo-org/hello/actions/runs/30433642/attempts/1');
    assert.doesNotMatch(first.contextValue, /;rerun;|;cancel;/);
  });

  test('conditional requests: the ETag is sent back and a 304 keeps the runs', async () => {
    let calls = 0;
    h.server.on('GET', RUNS, (request) => {
      calls++;
      if (request.headers['if-none-match'] === '"v1"') return { status: 304, headers: { etag: '"v1"' } };
      return {
        status: 200,
        json: githubRuns([githubRun({ status: 'in_progress', conclusion: null })]),
        headers: { etag: '"v1"' },
      };
    });
    await watch();
    await nextPoll(h);
    await nextPoll(h);
    assert.equal(calls, 3);
    const sent = h.server.requests.filter((r) => r.path === RUNS).map((r) => r.headers['if-none-match']);
    assert.deepEqual(sent, [undefined, '"v1"', '"v1"']);
    const branch = find(rows(), /^Current branch/);
    assert.equal(find(rows(branch), /^CI #412$/).state, 'in_progress');
    assert.equal(h.service.repositories()[0]!.failedPolls, 0);
  });

  test('a rate-limit 403 pauses the repository until the reset time and says so', async () => {
    const reset = Math.floor(h.clock.now() / 1000) + 600;
    h.server.sequence('GET', RUNS, [
      {
        status: 403,
        json: {
          message: 'API rate limit exceeded',
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        },
        headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      },
      { status: 200, json: githubRuns([githubRun()]) },
    ]);
    await watch();
    const repo = h.service.repositories()[0]!;
    assert.equal(repo.rateLimitedUntil, reset * 1000);
    const top = rows();
    const note = top.find((r) => /rate limited until \d\d:\d\d/.test(r.label));
    assert.ok(note, `no rate-limit note among ${top.map((r) => r.label).join(' | ')}`);
    // One request, then nothing until a second past the reset: the workflow list was not asked either.
    assert.deepEqual(h.clock.pending(), [601_000]);
    assert.equal(h.server.count('GET', WORKFLOWS), 0);
    await h.service.refresh();
    assert.equal(h.server.count('GET', RUNS), 1, 'a manual refresh does not hammer a rate-limited API');
    await nextPoll(h);
    assert.equal(h.server.count('GET', RUNS), 2);
    assert.equal(find(rows(find(rows(), /^Current branch/)), /^CI #412$/).state, 'success');
  });

  test('429 with retry-after waits exactly that long', async () => {
    h.server.sequence('GET', RUNS, [
      { status: 429, json: { message: 'You have exceeded a secondary rate limit' }, headers: { 'retry-after': '120' } },
      { status: 200, json: githubRuns([githubRun()]) },
    ]);
    await watch();
    assert.deepEqual(h.clock.pending(), [121_000]);
    assert.equal(h.server.count('GET', RUNS), 1, '429 is not retried at once');
    await nextPoll(h);
    assert.equal(h.server.count('GET', RUNS), 2);
  });

  test('500s become an error node with Retry, backing off; the server recovering clears it', async () => {
    h.server.sequence('GET', RUNS, [
      { status: 500, json: { message: 'Server Error' } },
      { status: 502, text: 'Bad Gateway' },
      { status: 503, text: 'Service Unavailable' },
      { status: 500, json: { message: 'Server Error' } },
      { status: 200, json: githubRuns([githubRun()]) },
    ]);
    await watch();
    // plugin-retry retried once at once (2 requests); then the poller backs off.
    assert.equal(h.server.count('GET', RUNS), 2);
    const branch = find(rows(), /^Current branch/);
    const error = find(rows(branch), /server error \(502\)/);
    assert.equal(error.kind, 'error');
    assert.match(error.contextValue, /;retryRequest;/);
    // The rest of the tree still works: the workflows section answered.
    assert.equal(find(rows(find(rows(), /^Workflows$/)), /^CI$/).kind, 'workflow');
    assert.equal(await nextPoll(h), POLL_INTERVALS.errorStart);
    find(rows(branch), /server error \(500\)/);
    // Still failing: the backoff doubles. Then the server is back.
    assert.equal(await nextPoll(h), POLL_INTERVALS.errorStart * 2);
    assert.equal(h.server.count('GET', RUNS), 5);
    assert.equal(find(rows(branch), /^CI #412$/).state, 'success');
    assert.equal(
      rows(branch).some((r) => r.kind === 'error'),
      false,
    );
  });

  test('a hanging request times out on the clock and becomes an error node; Retry recovers', async () => {
    let hang = true;
    h.server.on('GET', RUNS, () => (hang ? 'hang' : { status: 200, json: githubRuns([githubRun()]) }));
    h.service.setSources([
      { folder: '/ws', branch: 'main', remotes: [{ name: 'origin', url: `${h.server.url}/octo-org/hello.git` }] },
    ]);
    await h.server.waitForRequest((r) => r.path === RUNS);
    h.clock.advance(30_000);
    await h.service.idle();
    const branch = find(rows(), /^Current branch/);
    find(rows(branch), /no answer within 30 s/);
    hang = false;
    await h.service.refresh();
    assert.equal(find(rows(branch), /^CI #412$/).state, 'success');
  });

  test('malformed JSON is an error node, never an empty list', async () => {
    h.server.on('GET', RUNS, { status: 200, raw: '{"total_count": 1, "workflow_runs": [' });
    await watch();
    const branch = find(rows(), /^Current branch/);
    const [error] = rows(branch);
    assert.equal(error?.kind, 'error');
    assert.match(error!.label, /not the expected JSON/);
  });

  test('workflows and jobs follow Link pagination; a run shows its jobs and steps', async () => {
    h.server.on('GET', RUNS, {
      status: 200,
      json: githubRuns([githubRun({ status: 'completed', conclusion: 'failure' })]),
    });
    h.server.on('GET', WORKFLOWS, (request) =>
      request.query.get('page') === '2'
        ? {
            status: 200,
            json: {
              total_count: 2,
              workflows: [githubWorkflow({ id: 2, name: 'Release', path: '.github/workflows/release.yml' })],
            },
          }
        : {
            status: 200,
            json: { total_count: 2, workflows: [githubWorkflow()] },
            headers: {
              link: `<${h.server.url}${WORKFLOWS}?per_page=100&page=2>; rel="next", <${h.server.url}${WORKFLOWS}?per_page=100&page=2>; rel="last"`,
            },
          },
    );
    const jobsPath = `${RUNS}/30433642/attempts/1/jobs`;
    h.server.on('GET', jobsPath, (request) =>
      request.query.get('page') === '2'
        ? {
            status: 200,
            json: { total_count: 2, jobs: [githubJob({ id: 2, name: 'lint', conclusion: 'success', steps: [] })] },
          }
        : {
            status: 200,
            json: { total_count: 2, jobs: [githubJob()] },
            headers: { link: `<${h.server.url}${jobsPath}?per_page=100&page=2>; rel="next"` },
          },
    );
    await watch();
    assert.deepEqual(
      rows(find(rows(), /^Workflows$/)).map((r) => r.label),
      ['CI', 'Release'],
    );
    const branch = find(rows(), /^Current branch/);
    const run = find(rows(branch), /^CI #412$/);
    const pending = childRows(h.service, run, { now: h.clock.now() });
    assert.equal(pending.needs?.kind, 'jobs');
    await h.service.loadJobs(run.repoKey!, run.run!);
    const jobs = rows(run);
    assert.deepEqual(
      jobs.map((r) => [r.label, r.state]),
      [
        ['build', 'failure'],
        ['lint', 'success'],
      ],
    );
    assert.match(jobs[0]!.contextValue, /;viewLog;/);
    assert.deepEqual(
      rows(jobs[0]!).map((r) => [r.label, r.state]),
      [
        ['Set up job', 'success'],
        ['Run tests', 'failure'],
      ],
    );
  });

  test('health over several days: one request as long as the window; the row shows rate and median, the list 5 runs', async () => {
    const day = (n: number, minutes = 0) =>
      new Date(Date.parse('2026-05-01T08:00:00Z') + n * 86_400_000 + minutes * 60_000);
    // Runs 1–12, one a day, run n taking n minutes; 3 and 7 failed; run 13 still running.
    const finished = Array.from({ length: 12 }, (_, index) => {
      const n = index + 1;
      return githubRun({
        id: n,
        run_number: n,
        conclusion: n === 3 || n === 7 ? 'failure' : 'success',
        created_at: day(n).toISOString(),
        run_started_at: day(n).toISOString(),
        updated_at: day(n, n).toISOString(),
      });
    });
    const running = githubRun({
      id: 13,
      run_number: 13,
      status: 'in_progress',
      conclusion: null,
      created_at: day(13).toISOString(),
    });
    h.server.on('GET', RUNS, { status: 200, json: githubRuns([]) });
    h.server.on('GET', `${WORKFLOWS}/ci.yml/runs`, { status: 200, json: githubRuns([running, ...finished.reverse()]) });
    await watch();
    const workflowsRow = find(rows(), /^Workflows$/);
    const workflow = find(rows(workflowsRow), /^CI$/);
    await h.service.loadWorkflowRuns(workflow.repoKey!, workflow.workflow!.id);
    const listing = h.server.requests.filter((r) => r.path === `${WORKFLOWS}/ci.yml/runs`);
    assert.deepEqual(
      listing.map((r) => r.query.get('per_page')),
      ['30'],
    );
    assert.equal(rows(find(rows(workflowsRow), /^CI$/)).length, 5);
    const healthy = find(rows(workflowsRow), /^CI$/);
    // 10 of 12 passed; median of 1…12 minutes is 6.5 minutes.
    assert.equal(healthy.description, 'ci.yml · 83% · 6m 30s');
    assert.match(healthy.tooltip!, /over the last 12 completed runs \(1 still running, left out\)/);
    assert.match(healthy.tooltip!, /p90 11m 0s/);
    // Run 3 ended day 3 + 3 min, run 4 day 4 + 4 min; the same for runs 7 and 8: 24h 1m each.
    assert.match(healthy.tooltip!, /Time to recovery on `main`: 24h 1m \(2 recoveries\)/);
  });

  test('deploys are the runs of a workflow whose file gives a job an environment; recovery is timed on the default branch GitHub names', async () => {
    await h.stop();
    const ship = '.github/workflows/ship.yml';
    h = await startHarness({
      files: {
        [`/ws/${ship}`]:
          'on: push\njobs:\n  build: { runs-on: ubuntu-latest, steps: [] }\n  go-live:\n    environment: production\n    runs-on: ubuntu-latest\n    steps: []\n',
        '/ws/.github/workflows/ci.yml': 'on: push\njobs:\n  test: { runs-on: ubuntu-latest, steps: [] }\n',
      },
    });
    const shipWorkflow = githubWorkflow({ id: 2, name: 'Ship', path: ship });
    h.server.on('GET', WORKFLOWS, {
      status: 200,
      json: { total_count: 2, workflows: [githubWorkflow(), shipWorkflow] },
    });
    h.server.on('GET', API, { status: 200, json: githubRepository({ default_branch: 'trunk' }) });
    h.server.on('GET', RUNS, { status: 200, json: githubRuns([]) });
    const day = (n: number) => new Date(Date.parse('2026-05-01T08:00:00Z') + n * 86_400_000).toISOString();
    // Four runs on trunk, one a day, 10 minutes each, the second failed; and one on `main` (which a
    // guess would take for the default branch).
    const shipRuns = [0, 1, 2, 3, 4].map((n) =>
      githubRun({
        id: 100 + n,
        name: 'Ship',
        path: ship,
        workflow_id: 2,
        head_branch: n === 0 ? 'main' : 'trunk',
        conclusion: n === 2 ? 'failure' : 'success',
        created_at: day(n),
        run_started_at: day(n),
        updated_at: new Date(Date.parse(day(n)) + 600_000).toISOString(),
      }),
    );
    h.server.on('GET', `${WORKFLOWS}/ship.yml/runs`, { status: 200, json: githubRuns(shipRuns.reverse()) });
    h.server.on('GET', `${WORKFLOWS}/ci.yml/runs`, { status: 200, json: githubRuns([githubRun()]) });
    await watch();
    assert.ok(
      h.server.requests.some((r) => r.path === API),
      'the repository is asked for its default branch',
    );
    const workflowsRow = find(rows(), /^Workflows$/);
    for (const id of [159038, 2]) await h.service.loadWorkflowRuns(workflowsRow.repoKey!, id);
    const shipRow = find(rows(workflowsRow), /^Ship$/);
    assert.match(shipRow.tooltip!, /Change failure rate: 20%/);
    assert.match(shipRow.tooltip!, /Deployment frequency: [\d.]+ a week/);
    // Run 2 ended day 2 + 10 min, run 3 started day 3 and ended 10 min later: 24 h.
    assert.match(shipRow.tooltip!, /Time to recovery on `trunk`: 24h 0m \(1 recovery\)/);
    const ciRow = find(rows(workflowsRow), /^CI$/);
    assert.match(
      ciRow.tooltip!,
      /Change failure rate: no deploy runs/,
      'ci.yml has no environment, nor a deploy-like name',
    );
  });

  test('cancel, re-run and re-run failed hit their endpoints and the new state shows without a manual refresh', async () => {
    let state = { status: 'in_progress', conclusion: null as string | null };
    h.server.on('GET', RUNS, () => ({ status: 200, json: githubRuns([githubRun(state)]) }));
    h.server.on('POST', `${RUNS}/30433642/cancel`, () => {
      state = { status: 'completed', conclusion: 'cancelled' };
      return { status: 202, json: {} };
    });
    h.server.on('POST', `${RUNS}/30433642/rerun`, () => {
      state = { status: 'queued', conclusion: null };
      return { status: 201, json: {} };
    });
    h.server.on('POST', `${RUNS}/30433642/rerun-failed-jobs`, { status: 201, json: {} });
    await watch();
    const repo = h.service.repositories()[0]!;
    const branch = find(rows(), /^Current branch/);
    const run = () => find(rows(branch), /^CI #412$/);
    assert.match(run().contextValue, /;cancel;/);
    await h.service.act(repo.key, run().run, (provider) => provider.cancel(run().run!));
    assert.equal(run().state, 'cancelled');
    await h.service.act(repo.key, run().run, (provider) => provider.rerun(run().run!));
    assert.equal(run().state, 'queued');
    await h.service.act(repo.key, run().run, (provider) => provider.rerunFailed(run().run!));
    assert.deepEqual(
      h.server.requests.filter((r) => r.method === 'POST').map((r) => r.path),
      [`${RUNS}/30433642/cancel`, `${RUNS}/30433642/rerun`, `${RUNS}/30433642/rerun-failed-jobs`],
    );
  });

  test('an expired log (410) says so; a log is fetched as text', async () => {
    h.server.on('GET', RUNS, { status: 200, json: githubRuns([githubRun()]) });
    h.server.on('GET', `${API}/actions/jobs/1/logs`, { status: 410, json: { message: 'Gone' } });
    h.server.on('GET', `${API}/actions/jobs/2/logs`, { status: 200, text: '2026-05-04T11:50:10.1Z hello\n' });
    await watch();
    const provider = await h.service.providerFor(h.service.repositories()[0]!);
    const job = { provider: 'github' as const, id: 1, runId: 1, name: 'build', state: 'success' as const, steps: [] };
    await assert.rejects(provider.jobLog(job), /logs expire/);
    assert.equal(await provider.jobLog({ ...job, id: 2 }), '2026-05-04T11:50:10.1Z hello\n');
  });

  test('a dispatch sends ref and string inputs; its run is then watched to completion', async () => {
    let created = false;
    h.server.on('POST', `${WORKFLOWS}/ci.yml/dispatches`, () => {
      created = true;
      return { status: 204 };
    });
    h.server.on('GET', `${WORKFLOWS}/ci.yml/runs`, () => ({
      status: 200,
      json: githubRuns(
        created
          ? [
              githubRun({
                id: 77,
                head_branch: 'release',
                event: 'workflow_dispatch',
                created_at: new Date(h.clock.now()).toISOString(),
                status: 'queued',
                conclusion: null,
              }),
            ]
          : [],
      ),
    }));
    h.server.on('GET', RUNS, { status: 200, json: githubRuns([]) });
    await watch();
    const repo = h.service.repositories()[0]!;
    const workflow = repo.workflows.value![0]!;
    await h.service.act(repo.key, undefined, (provider) =>
      provider.dispatch(workflow, 'release', { 'dry-run': 'true', replicas: '3' }),
    );
    h.service.watchNewRun(repo.key, 'release', workflow.id);
    await h.service.refresh();
    const dispatch = h.server.requests.find((r) => r.path.endsWith('/dispatches'))!;
    assert.deepEqual(dispatch.body, { ref: 'release', inputs: { 'dry-run': 'true', replicas: '3' } });
    h.server.on('GET', `${WORKFLOWS}/ci.yml/runs`, {
      status: 200,
      json: githubRuns([
        githubRun({
          id: 77,
          head_branch: 'release',
          created_at: new Date(h.clock.now()).toISOString(),
          conclusion: 'success',
        }),
      ]),
    });
    await nextPoll(h);
    assert.deepEqual(
      h.completed.map((c) => c.run.id),
      [77],
    );
  });

  test('signed out: public repositories are watched without credentials, and the view says what that costs', async () => {
    await h.stop();
    h = await startHarness({ tokens: false });
    h.server.on('GET', WORKFLOWS, { status: 200, json: { total_count: 0, workflows: [] } });
    h.server.on('GET', RUNS, {
      status: 200,
      json: githubRuns([githubRun({ status: 'in_progress', conclusion: null })]),
      headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '59', 'x-ratelimit-reset': '1777896000' },
    });
    h.service.setSources([
      { folder: '/a', branch: 'main', remotes: [{ name: 'origin', url: `${h.server.url}/octo-org/hello.git` }] },
      {
        folder: '/b',
        branch: 'main',
        remotes: [
          { name: 'fork', url: `git@127.0.0.1:octo-org/hello.git` },
          { name: 'other', url: 'git@git.unknown.example:team/app.git' },
        ],
      },
    ]);
    await h.service.idle();
    assert.equal(h.server.requests[0]!.headers.authorization, undefined);
    const top = rows();
    // Two remotes of one repository are one node; the unknown host is a node with its hint.
    assert.equal(top.length, 2);
    assert.match(top[0]!.description!, /signed out: 60 requests an hour/);
    assert.equal(top[1]!.kind, 'unknown-remote');
    assert.match(top[1]!.tooltip!, /enterpriseHosts/);
    assert.deepEqual(h.clock.pending(), [POLL_INTERVALS.activeUnauthenticated]);
    assert.equal(h.service.repositories()[0]!.provider!.rateLimit.remaining, 59);
  });

  test('polling pauses while the window is unfocused and resumes with one immediate poll', async () => {
    h.server.on('GET', RUNS, {
      status: 200,
      json: githubRuns([githubRun({ status: 'in_progress', conclusion: null })]),
    });
    await watch();
    h.service.setFocused(false);
    assert.deepEqual(h.clock.pending(), []);
    h.clock.advance(3_600_000);
    assert.equal(h.server.count('GET', RUNS), 1);
    h.service.setFocused(true);
    await h.service.idle();
    assert.equal(h.server.count('GET', RUNS), 2);
    assert.deepEqual(h.clock.pending(), [POLL_INTERVALS.active]);
  });

  test('a branch switch polls at once', async () => {
    h.server.on('GET', RUNS, (request) => ({
      status: 200,
      json: githubRuns([githubRun({ head_branch: request.query.get('branch') })]),
    }));
    await watch();
    h.service.setSources([
      { folder: '/ws', branch: 'feature', remotes: [{ name: 'origin', url: `${h.server.url}/octo-org/hello.git` }] },
    ]);
    await h.service.idle();
    assert.equal(
      h.server.requests
        .filter((r) => r.path === RUNS)
        .at(-1)!
        .query.get('branch'),
      'feature',
    );
    assert.ok(find(rows(), /^Current branch: feature$/));
  });

  test('no error message or row carries the token', async () => {
    h.server.on('GET', RUNS, { status: 401, json: { message: `Bad credentials ${GITHUB_TOKEN}` } });
    h.server.on('GET', WORKFLOWS, { status: 404, json: { message: 'Not Found' } });
    await watch();
    const everything = JSON.stringify([
      rows(),
      rows(find(rows(), /^Current branch/)),
      rows(find(rows(), /^Workflows$/)),
    ]);
    assert.match(everything, /rejected the credentials \(401\)/);
    assert.match(everything, /;signIn;/);
    assert.ok(!everything.includes(GITHUB_TOKEN));
  });

  test('a settings change that keeps the hosts keeps each repository and its runs: an action during it succeeds', async () => {
    h.server.on('GET', RUNS, {
      status: 200,
      json: githubRuns([githubRun({ status: 'completed', conclusion: 'failure' })]),
    });
    h.server.on('POST', `${RUNS}/30433642/rerun`, { status: 201, json: {} });
    await watch();
    const [repo] = h.service.repositories();
    h.service.updateSettings({ ...h.settings, runsPerWorkflow: 7 }, [
      { folder: '/ws', branch: 'main', remotes: [{ name: 'origin', url: `${h.server.url}/octo-org/hello.git` }] },
    ]);
    assert.equal(h.service.repository(repo!.key), repo, 'the same repository state, not a fresh one');
    const branch = find(rows(), /^Current branch: main$/);
    const run = find(rows(branch), /^CI #412$/);
    await h.service.act(repo!.key, run.run, (provider) => provider.rerun(run.run!));
    assert.equal(h.server.count('POST', `${RUNS}/30433642/rerun`), 1);
  });
});
