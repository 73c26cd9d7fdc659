/**
 * GitLab scenarios against the scripted stand-in, in the shapes of GitLab's REST docs: a pipeline
 * with stages, a manual job and a child pipeline behind a bridge job; rate limits; pagination; actions.
 */
import * as assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { POLL_INTERVALS } from '../../../client/src/pipelines/core/polling';
import type { Row } from '../../../client/src/pipelines/core/rows';
import { gitlabBridge, gitlabDeployment, gitlabJob, gitlabPipeline, gitlabProject } from './helpers/fixtures';
import { GITLAB_TOKEN, findRow, nextPoll, startHarness, viewRows, type Harness } from './helpers/harness';
import type { Answer } from './helpers/stand-in';

const PROJECT = '/gitlab/api/v4/projects/group%2Fsub%2Fproject';
const PIPELINES = `${PROJECT}/pipelines`;
const CHILD_PROJECT = '/gitlab/api/v4/projects/1';

describe('GitLab scenarios', { timeout: 30_000 }, () => {
  let h: Harness;
  const rows = (parent?: Row) => viewRows(h, parent);
  const find = findRow;
  const watch = async () => {
    h.service.setSources([
      {
        folder: '/ws',
        branch: 'main',
        remotes: [{ name: 'origin', url: `${h.server.url}/gitlab/group/sub/project.git` }],
      },
    ]);
    await h.service.idle();
  };

  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  test('a pipeline with stages, a manual job and a child pipeline under its bridge job', async () => {
    const child = gitlabPipeline({ id: 48, iid: 13, project_id: 1, status: 'running', source: 'parent_pipeline' });
    h.server.on('GET', PIPELINES, { status: 200, json: [gitlabPipeline({ status: 'running' })] });
    h.server.on('GET', `${PIPELINES}/47/jobs`, {
      status: 200,
      json: [
        gitlabJob({
          id: 12,
          stage: 'deploy',
          name: 'production',
          status: 'manual',
          started_at: null,
          finished_at: null,
        }),
        gitlabJob({ id: 11, stage: 'test', name: 'rspec', status: 'failed' }),
        gitlabJob({ id: 10, stage: 'build', name: 'compile', status: 'success' }),
      ],
    });
    h.server.on('GET', `${PIPELINES}/47/bridges`, { status: 200, json: [gitlabBridge(child)] });
    h.server.on('GET', `${CHILD_PROJECT}/pipelines/48/jobs`, {
      status: 200,
      json: [gitlabJob({ id: 20, stage: 'test', name: 'child-test', status: 'running', finished_at: null })],
    });
    h.server.on('GET', `${CHILD_PROJECT}/pipelines/48/bridges`, { status: 200, json: [] });
    await watch();

    const listing = h.server.requests.filter((r) => r.path === PIPELINES);
    assert.deepEqual(
      listing.map((r) => [r.query.get('ref'), r.query.get('per_page')]),
      [
        ['main', '5'],
        [null, '30'],
      ],
      'the branch, then the Pipelines section (all refs), fetched as long as the health window in the same request',
    );
    // A boolean check: a failing assert.equal would print the token.
    assert.ok(listing[0]!.headers['private-token'] === GITLAB_TOKEN, 'the token is sent as PRIVATE-TOKEN');

    const top = rows();
    assert.deepEqual(
      top.map((r) => r.label),
      ['Current branch: main', 'Pipelines'],
    );
    const run = find(rows(top[0]), /^Pipeline #12$/);
    assert.equal(run.state, 'in_progress');
    assert.match(run.contextValue, /;cancel;/);
    await h.service.loadJobs(run.repoKey!, run.run!);
    const stages = rows(run);
    assert.deepEqual(
      stages.map((s) => [s.label, s.state]),
      [
        ['build', 'success'],
        ['test', 'failure'],
        ['deploy', 'in_progress'],
      ],
    );
    const [manual, bridge] = rows(stages[2]);
    assert.equal(manual!.label, 'production');
    assert.equal(manual!.state, 'manual');
    assert.match(manual!.contextValue, /;play;/);
    assert.doesNotMatch(manual!.contextValue, /;viewLog;/);
    assert.equal(bridge!.label, 'trigger-child');
    assert.doesNotMatch(bridge!.contextValue, /;viewLog;|;retryJob;/);
    const [childRun] = rows(bridge);
    assert.equal(childRun!.label, 'Pipeline #13');
    await h.service.loadJobs(childRun!.repoKey!, childRun!.run!);
    const [childStage] = rows(childRun);
    assert.deepEqual(
      rows(childStage).map((r) => [r.label, r.state]),
      [['child-test', 'in_progress']],
    );
    const failed = rows(stages[1])[0]!;
    assert.match(failed.contextValue, /;retryJob;/);
    assert.match(failed.contextValue, /;viewLog;/);
  });

  test('the running pipeline finishes: one notification, then idle polling; the child pipeline jobs are polled while active', async () => {
    h.server.sequence('GET', PIPELINES, [
      { status: 200, json: [gitlabPipeline({ status: 'pending' })] },
      { status: 200, json: [gitlabPipeline({ status: 'pending' })] },
      { status: 200, json: [gitlabPipeline({ status: 'running' })] },
      { status: 200, json: [gitlabPipeline({ status: 'running' })] },
      { status: 200, json: [gitlabPipeline({ status: 'failed' })] },
    ]);
    await watch();
    assert.deepEqual(h.clock.pending(), [POLL_INTERVALS.active]);
    await nextPoll(h);
    await nextPoll(h);
    assert.deepEqual(
      h.completed.map((c) => [c.run.id, c.run.state]),
      [[47, 'failure']],
    );
    await nextPoll(h);
    assert.equal(h.completed.length, 1);
  });

  test('429 with Retry-After, and RateLimit-Remaining: 0 with RateLimit-Reset, pause the project', async () => {
    const reset = Math.floor(h.clock.now() / 1000) + 300;
    h.server.sequence('GET', PIPELINES, [
      { status: 429, text: 'Retry later', headers: { 'retry-after': '45', 'ratelimit-remaining': '0' } },
      { status: 200, json: [gitlabPipeline()], headers: { 'ratelimit-limit': '2000', 'ratelimit-remaining': '1999' } },
      { status: 200, json: [gitlabPipeline()], headers: { 'ratelimit-limit': '2000', 'ratelimit-remaining': '1998' } },
      {
        status: 403,
        json: { message: 'Forbidden' },
        headers: { 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) },
      },
    ]);
    await watch();
    assert.equal(h.server.count('GET', PIPELINES), 1, 'no quick retries of a 429 (gitbeaker would retry ten times)');
    assert.deepEqual(h.clock.pending(), [46_000]);
    find(rows(), /rate limited until/);
    await nextPoll(h);
    assert.equal(h.server.count('GET', PIPELINES), 3);
    assert.equal(h.service.repositories()[0]!.provider!.rateLimit.remaining, 1998);
    await nextPoll(h);
    assert.equal(h.service.repositories()[0]!.rateLimitedUntil, reset * 1000);
  });

  test('jobs follow Link pagination (rel="next")', async () => {
    h.server.on('GET', PIPELINES, { status: 200, json: [gitlabPipeline()] });
    const jobs = `${PIPELINES}/47/jobs`;
    h.server.on('GET', jobs, (request): Answer =>
      request.query.get('page') === '2'
        ? {
            status: 200,
            json: [gitlabJob({ id: 2, name: 'second-page' })],
            headers: { 'x-page': '2', 'x-total-pages': '2' },
          }
        : {
            status: 200,
            json: [gitlabJob({ id: 1, name: 'first-page' })],
            headers: {
              link: `<${h.server.url}${jobs}?page=2&per_page=100>; rel="next", <${h.server.url}${jobs}?page=2&per_page=100>; rel="last"`,
              'x-next-page': '2',
              'x-page': '1',
              'x-total-pages': '2',
            },
          },
    );
    h.server.on('GET', `${PIPELINES}/47/bridges`, { status: 200, json: [] });
    await watch();
    const run = find(rows(rows()[0]), /^Pipeline #12$/);
    const loaded = await h.service.loadJobs(run.repoKey!, run.run!);
    assert.deepEqual(
      loaded?.map((job) => job.name),
      ['first-page', 'second-page'],
    );
  });

  test('retry, cancel and play hit their endpoints; the trace is read as text; a 404 job log is an error', async () => {
    h.server.on('GET', PIPELINES, { status: 200, json: [gitlabPipeline({ status: 'failed' })] });
    for (const path of [`${PIPELINES}/47/retry`, `${PIPELINES}/47/cancel`])
      h.server.on('POST', path, { status: 201, json: gitlabPipeline({ status: 'running' }) });
    for (const action of ['retry', 'cancel', 'play'])
      h.server.on('POST', `${PROJECT}/jobs/11/${action}`, {
        status: 201,
        json: gitlabJob({ id: 11, status: 'pending' }),
      });
    h.server.on('GET', `${PROJECT}/jobs/11/trace`, { status: 200, text: '\u001b[32;1m$ make\u001b[0;m\n' });
    await watch();
    const repo = h.service.repositories()[0]!;
    const run = repo.branchRuns.value![0]!;
    const job = { provider: 'gitlab' as const, id: 11, runId: 47, name: 'rspec', state: 'failure' as const, steps: [] };
    await h.service.act(repo.key, run, (provider) => provider.rerun(run));
    await h.service.act(repo.key, run, (provider) => provider.cancel(run));
    await h.service.act(repo.key, run, (provider) => provider.retryJob(job));
    await h.service.act(repo.key, run, (provider) => provider.cancelJob(job));
    await h.service.act(repo.key, run, (provider) => provider.playJob(job));
    assert.deepEqual(
      h.server.requests.filter((r) => r.method === 'POST').map((r) => r.path.replace(PROJECT, '')),
      ['/pipelines/47/retry', '/pipelines/47/cancel', '/jobs/11/retry', '/jobs/11/cancel', '/jobs/11/play'],
    );
    const provider = await h.service.providerFor(repo);
    assert.equal(await provider.jobLog(job), '\u001b[32;1m$ make\u001b[0;m\n');
    await assert.rejects(provider.jobLog({ ...job, id: 99 }), /not found on GitLab \(404\)/);
  });

  test('Run Pipeline with variables creates a pipeline on the ref', async () => {
    h.server.on('GET', PIPELINES, { status: 200, json: [] });
    h.server.on('POST', `${PROJECT}/pipeline`, {
      status: 201,
      json: gitlabPipeline({ id: 60, iid: 20, status: 'created' }),
    });
    await watch();
    const provider = await h.service.providerFor(h.service.repositories()[0]!);
    const run = await provider.createPipeline('main', { DEPLOY: 'yes' });
    assert.equal(run.id, 60);
    const request = h.server.requests.find((r) => r.method === 'POST')!;
    assert.equal((request.body as { ref: string }).ref, 'main');
    assert.deepEqual((request.body as { variables: unknown }).variables, [
      { key: 'DEPLOY', value: 'yes', variable_type: 'env_var' },
    ]);
  });

  test('deploys come from the deployments API, asked again only when a pipeline completes; recovery on the project’s default branch', async () => {
    const day = (n: number, minutes = 0) =>
      new Date(Date.parse('2026-05-01T08:00:00Z') + n * 86_400_000 + minutes * 60_000).toISOString();
    const pipeline = (id: number, ref: string, status: string, n: number) =>
      gitlabPipeline({ id, iid: id, ref, status, created_at: day(n), updated_at: day(n, 10) });
    // `develop` is the default branch; `main` has more pipelines (a guess would pick it).
    let pipelines = [
      pipeline(51, 'develop', 'success', 1),
      pipeline(52, 'develop', 'failed', 2),
      pipeline(53, 'develop', 'success', 3),
      pipeline(54, 'develop', 'success', 4),
      ...[61, 62, 63, 64, 65].map((id, index) => pipeline(id, 'main', 'success', index + 1)),
    ];
    h.server.on('GET', PIPELINES, () => ({ status: 200, json: [...pipelines].reverse() }));
    h.server.on('GET', PROJECT, { status: 200, json: gitlabProject({ default_branch: 'develop' }) });
    h.server.on('GET', `${PROJECT}/deployments`, {
      status: 200,
      json: [
        gitlabDeployment(54, { status: 'created' }),
        gitlabDeployment(53),
        gitlabDeployment(52, { status: 'failed' }),
      ],
    });
    await watch();
    const deploymentsAsked = () => h.server.requests.filter((r) => r.path === `${PROJECT}/deployments`);
    assert.deepEqual(
      deploymentsAsked().map((r) => [r.query.get('order_by'), r.query.get('sort'), r.query.get('per_page')]),
      [['updated_at', 'desc', '100']],
    );
    const section = find(rows(), /^Pipelines$/);
    assert.match(section.description!, /^develop 75%$/);
    // 52 (failed) and 53 deployed; 54's deployment was only created (a manual job never played).
    assert.match(section.tooltip!, /Change failure rate: 50%/);
    assert.match(section.tooltip!, /Time to recovery on `develop`: 24h 0m \(1 recovery\)/);

    await nextPoll(h);
    assert.equal(deploymentsAsked().length, 1, 'nothing completed: the deployments are not asked again');
    pipelines = [...pipelines, pipeline(55, 'develop', 'success', 5)];
    await nextPoll(h);
    assert.equal(deploymentsAsked().length, 2, 'pipeline 55 completed: the deployments are asked again');
  });

  test('malformed JSON and a hang are error nodes with Retry; the token is never in them', async () => {
    let mode: 'bad' | 'hang' | 'ok' = 'bad';
    h.server.on('GET', PIPELINES, () =>
      mode === 'bad'
        ? { status: 200, raw: '[{"id": 47,' }
        : mode === 'hang'
          ? 'hang'
          : { status: 200, json: [gitlabPipeline()] },
    );
    await watch();
    const branch = rows()[0]!;
    find(rows(branch), /GitLab sent an answer that is not the expected JSON/);
    mode = 'hang';
    const asked = h.server.requests.length;
    const refreshing = h.service.refresh();
    await h.server.waitForRequest((r) => r.path === PIPELINES && h.server.requests.indexOf(r) >= asked);
    h.clock.advance(30_000);
    await refreshing;
    await h.service.idle();
    const error = find(rows(branch), /no answer within 30 s/);
    assert.match(error.contextValue, /;retryRequest;/);
    assert.ok(!JSON.stringify(rows(branch)).includes(GITLAB_TOKEN));
    mode = 'ok';
    await h.service.refresh();
    assert.equal(find(rows(branch), /^Pipeline #12$/).state, 'success');
  });

  test('without a token no PRIVATE-TOKEN header is sent (public projects)', async () => {
    await h.stop();
    h = await startHarness({ tokens: false });
    h.server.on('GET', PIPELINES, { status: 200, json: [] });
    await watch();
    assert.equal(h.server.requests[0]!.headers['private-token'], undefined);
  });
});
