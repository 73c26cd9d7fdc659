import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CompletionTracker, wantsNotification } from '../../../client/src/pipelines/core/completion-tracker';
import { dispatchInfo, validateInput } from '../../../client/src/pipelines/core/dispatch-inputs';
import { duration, relativeTime, runTitle, runTooltip } from '../../../client/src/pipelines/core/format';
import { errorForStatus, rateLimitRetryAt } from '../../../client/src/pipelines/core/http';
import { cleanLog, sectionAt } from '../../../client/src/pipelines/core/log-text';
import {
  combinedState,
  githubState,
  gitlabState,
  groupByStage,
  type Job,
  type Run,
} from '../../../client/src/pipelines/core/model';
import { POLL_INTERVALS, nextPollDelay } from '../../../client/src/pipelines/core/polling';

describe('state mapping', () => {
  test('GitHub status and conclusion', () => {
    const table: [string | null, string | null, string][] = [
      ['queued', null, 'queued'],
      ['requested', null, 'queued'],
      ['pending', null, 'queued'],
      ['waiting', null, 'waiting'],
      ['in_progress', null, 'in_progress'],
      ['completed', 'success', 'success'],
      ['completed', 'failure', 'failure'],
      ['completed', 'timed_out', 'failure'],
      ['completed', 'startup_failure', 'failure'],
      ['completed', 'cancelled', 'cancelled'],
      ['completed', 'skipped', 'skipped'],
      ['completed', 'action_required', 'waiting'],
      ['completed', 'neutral', 'neutral'],
      ['completed', 'stale', 'neutral'],
    ];
    for (const [status, conclusion, expected] of table)
      assert.equal(githubState(status, conclusion), expected, `${status}/${conclusion}`);
  });

  test('GitLab status', () => {
    const table: [string, string][] = [
      ['created', 'queued'],
      ['waiting_for_resource', 'queued'],
      ['preparing', 'queued'],
      ['pending', 'queued'],
      ['scheduled', 'waiting'],
      ['running', 'in_progress'],
      ['success', 'success'],
      ['failed', 'failure'],
      ['canceled', 'cancelled'],
      ['skipped', 'skipped'],
      ['manual', 'manual'],
    ];
    for (const [status, expected] of table) assert.equal(gitlabState(status), expected, status);
  });

  test('stages keep pipeline order and combine their jobs states', () => {
    const job = (id: number, stage: string, state: Job['state']): Job => ({
      provider: 'gitlab',
      id,
      runId: 1,
      name: `j${id}`,
      stage,
      state,
      steps: [],
    });
    // GitLab lists jobs newest first.
    const stages = groupByStage([
      job(5, 'deploy', 'manual'),
      job(3, 'test', 'failure'),
      job(4, 'test', 'success'),
      job(1, 'build', 'success'),
    ]);
    assert.deepEqual(
      stages.map((s) => [s.stage, s.state, s.jobs.map((j) => j.id)]),
      [
        ['build', 'success', [1]],
        ['test', 'failure', [3, 4]],
        ['deploy', 'manual', [5]],
      ],
    );
    assert.equal(combinedState([{ state: 'success' }, { state: 'in_progress' }]), 'in_progress');
    assert.equal(combinedState([{ state: 'skipped' }]), 'skipped');
  });
});

describe('polling decisions', () => {
  const base = { now: 1_000_000, anyActive: false, authenticated: true, idlePolls: 0, failedPolls: 0 };
  test('fast while something runs, slower without credentials', () => {
    assert.equal(nextPollDelay({ ...base, anyActive: true }), POLL_INTERVALS.active);
    assert.equal(
      nextPollDelay({ ...base, anyActive: true, authenticated: false }),
      POLL_INTERVALS.activeUnauthenticated,
    );
  });
  test('idle backs off by doubling up to five minutes', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((idlePolls) => nextPollDelay({ ...base, idlePolls }));
    assert.deepEqual(delays, [30_000, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000]);
  });
  test('failures back off from ten seconds', () => {
    assert.deepEqual(
      [1, 2, 3, 6].map((failedPolls) => nextPollDelay({ ...base, failedPolls, anyActive: true })),
      [10_000, 20_000, 40_000, 300_000],
    );
  });
  test('a rate limit waits until a second past its reset, whatever else is true', () => {
    assert.equal(
      nextPollDelay({ ...base, anyActive: true, failedPolls: 3, rateLimitedUntil: base.now + 90_000 }),
      91_000,
    );
    assert.equal(nextPollDelay({ ...base, anyActive: true, rateLimitedUntil: base.now - 1 }), POLL_INTERVALS.active);
  });
  test('rate-limit headers: retry-after first, then the reset epoch, else a minute', () => {
    assert.equal(rateLimitRetryAt({ 'retry-after': '30', 'x-ratelimit-reset': '9999999999' }, 1000), 31_000);
    assert.equal(rateLimitRetryAt({ 'x-ratelimit-reset': '1700000000' }, 0), 1_700_000_000_000);
    assert.equal(rateLimitRetryAt({ 'ratelimit-reset': '1700000000' }, 0), 1_700_000_000_000);
    assert.equal(rateLimitRetryAt({}, 5), 60_005);
  });
  test('a 403 is a rate limit only when the headers say so', () => {
    assert.equal(
      errorForStatus('GitHub', 403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' }, 0).kind,
      'rate-limited',
    );
    assert.equal(errorForStatus('GitHub', 403, { 'x-ratelimit-remaining': '12' }, 0).kind, 'forbidden');
    assert.equal(errorForStatus('GitLab', 429, {}, 0).kind, 'rate-limited');
    assert.equal(errorForStatus('GitHub', 410, {}, 0).kind, 'gone');
    assert.equal(errorForStatus('GitHub', 502, {}, 0).kind, 'server');
  });
});

describe('dispatch inputs', () => {
  const workflow = `
name: Deploy
on:
  push:
  workflow_dispatch:
    inputs:
      environment:
        type: environment
        required: true
      level:
        description: Log level
        type: choice
        options: [info, warning, debug]
        default: warning
      dry-run:
        type: boolean
        default: true
      replicas:
        type: number
        default: 3
      note:
        description: Why
      odd:
        type: mystery
jobs: {}
`;
  test('every input with its type, default and options', () => {
    const info = dispatchInfo(workflow);
    assert.equal(info.dispatchable, true);
    assert.deepEqual(
      info.inputs.map((i) => [i.name, i.type, i.required, i.default, i.options]),
      [
        ['environment', 'environment', true, undefined, []],
        ['level', 'choice', false, 'warning', ['info', 'warning', 'debug']],
        ['dry-run', 'boolean', false, 'true', []],
        ['replicas', 'number', false, '3', []],
        ['note', 'string', false, undefined, []],
        ['odd', 'string', false, undefined, []],
      ],
    );
  });
  test('the trigger as a string, a list, without inputs, or absent', () => {
    assert.deepEqual(dispatchInfo('on: workflow_dispatch\njobs: {}'), { dispatchable: true, inputs: [] });
    assert.deepEqual(dispatchInfo('on: [push, workflow_dispatch]'), { dispatchable: true, inputs: [] });
    assert.deepEqual(dispatchInfo('on:\n  workflow_dispatch:\n'), { dispatchable: true, inputs: [] });
    assert.equal(dispatchInfo('on: [push]').dispatchable, false);
    assert.equal(dispatchInfo('on: {push: {branches: [main]}}').dispatchable, false);
    assert.equal(dispatchInfo(': not yaml: [').dispatchable, false);
  });
  test('validation by type', () => {
    const [environment, level, dryRun, replicas] = dispatchInfo(workflow).inputs;
    assert.equal(validateInput(replicas!, '4'), undefined);
    assert.equal(validateInput(replicas!, '-2.5'), undefined);
    assert.match(validateInput(replicas!, 'four') ?? '', /must be a number/);
    assert.match(validateInput(level!, 'trace') ?? '', /one of info, warning, debug/);
    assert.equal(validateInput(dryRun!, 'false'), undefined);
    assert.match(validateInput(dryRun!, 'yes') ?? '', /true or false/);
    assert.match(validateInput(environment!, '') ?? '', /required/);
  });
});

describe('log cleaning', () => {
  test('GitHub: timestamps and ANSI removed, groups foldable, first error located in its step', () => {
    const raw = [
      '2026-05-04T11:50:10.1234567Z ##[group]Run actions/checkout@v4',
      '2026-05-04T11:50:10.2234567Z with:',
      '2026-05-04T11:50:10.3234567Z ##[endgroup]',
      '2026-05-04T11:50:11.0000000Z ##[group]Run npm test',
      '2026-05-04T11:50:12.0000000Z \u001b[32m✔ parser\u001b[0m',
      '2026-05-04T11:50:13.0000000Z \u001b[1;31m✖ lexer\u001b[0m',
      '2026-05-04T11:50:14.0000000Z ##[error]Process completed with exit code 1.',
      '2026-05-04T11:50:14.1000000Z ##[endgroup]',
      '',
    ].join('\r\n');
    const log = cleanLog(raw);
    assert.equal(
      log.text,
      '▸ Run actions/checkout@v4\nwith:\n▸ Run npm test\n✔ parser\n✖ lexer\nError: Process completed with exit code 1.\n',
    );
    assert.ok(!log.text.includes('\u001b'));
    assert.doesNotMatch(log.text, /\d{4}-\d\d-\d\dT/);
    assert.deepEqual(log.sections, [
      { title: 'Run actions/checkout@v4', start: 0, end: 1 },
      { title: 'Run npm test', start: 2, end: 5 },
    ]);
    assert.equal(log.errorLine, 5);
    assert.equal(sectionAt(log, log.errorLine!)?.title, 'Run npm test');
  });

  test('GitLab: section markers become foldable sections, erase-line codes removed', () => {
    const raw = [
      '\u001b[0KRunning with gitlab-runner 17.0.0',
      'section_start:1714823410:prepare_script\r\u001b[0K\u001b[0K\u001b[36;1mPreparing environment\u001b[0;m',
      'Running on runner-1',
      'section_end:1714823411:prepare_script\r\u001b[0K',
      'section_start:1714823412:step_script[collapsed=true]\r\u001b[0K\u001b[0K\u001b[36;1mExecuting "step_script"\u001b[0;m',
      '$ npm test',
      '\u001b[31;1mERROR: Job failed: exit code 1\u001b[0;m',
      'section_end:1714823420:step_script\r\u001b[0K',
    ].join('\n');
    const log = cleanLog(raw);
    assert.equal(
      log.text,
      'Running with gitlab-runner 17.0.0\nPreparing environment\nRunning on runner-1\nExecuting "step_script"\n$ npm test\nERROR: Job failed: exit code 1\n',
    );
    assert.deepEqual(log.sections, [
      { title: 'prepare_script', start: 1, end: 2 },
      { title: 'step_script', start: 3, end: 5 },
    ]);
    assert.equal(log.errorLine, 5);
  });

  test('GitLab timestamped logs lose their prefix', () => {
    assert.equal(cleanLog('2026-05-04T11:50:10.123456Z 00O $ make\n').text, '$ make\n');
  });
});

describe('completion notifications', () => {
  const run = (id: number, state: Run['state'], extra: Partial<Run> = {}): Run => ({
    provider: 'github',
    id,
    attempt: 1,
    name: 'CI',
    number: id,
    sha: 'abc',
    state,
    createdAt: '2026-05-04T12:00:00Z',
    webUrl: 'https://github.com/o/r/actions/runs/1',
    ...extra,
  });

  test('a run of the current branch is reported once, when it goes from running to finished', () => {
    const tracker = new CompletionTracker();
    assert.deepEqual(tracker.observe('r', [run(1, 'success'), run(2, 'queued')], true), []);
    assert.deepEqual(tracker.observe('r', [run(1, 'success'), run(2, 'in_progress')], true), []);
    assert.deepEqual(
      tracker.observe('r', [run(2, 'failure')], true).map((r) => r.id),
      [2],
    );
    assert.deepEqual(tracker.observe('r', [run(2, 'failure')], true), []);
  });

  test('other lists only for runs acted on or dispatched from the view; a re-run is reported again', () => {
    const tracker = new CompletionTracker();
    assert.deepEqual(tracker.observe('r', [run(3, 'in_progress')], false), []);
    assert.deepEqual(tracker.observe('r', [run(3, 'success')], false), []);
    tracker.watchRun('r', run(3, 'success'));
    assert.deepEqual(
      tracker.observe('r', [run(3, 'success', { attempt: 2 })], false).map((r) => r.attempt),
      [2],
    );
    tracker.watchDispatch('r', 'release', Date.parse('2026-05-04T11:59:00Z'), 7);
    const dispatched = run(4, 'queued', { branch: 'release', workflowId: 7 });
    const older = run(5, 'queued', { branch: 'release', workflowId: 7, createdAt: '2026-05-04T11:00:00Z' });
    assert.deepEqual(tracker.observe('r', [dispatched, older], false), []);
    assert.deepEqual(
      tracker
        .observe(
          'r',
          [
            { ...dispatched, state: 'success' },
            { ...older, state: 'success' },
          ],
          false,
        )
        .map((r) => r.id),
      [4],
    );
  });

  test('the notify setting', () => {
    assert.equal(wantsNotification('failures', run(1, 'failure')), true);
    assert.equal(wantsNotification('failures', run(1, 'success')), false);
    assert.equal(wantsNotification('all', run(1, 'cancelled')), true);
    assert.equal(wantsNotification('off', run(1, 'failure')), false);
  });
});

describe('words', () => {
  test('durations and relative times', () => {
    assert.equal(duration(42_000), '42s');
    assert.equal(duration(200_000), '3m 20s');
    assert.equal(duration(3_780_000), '1h 3m');
    const now = Date.parse('2026-05-04T12:00:00Z');
    assert.equal(relativeTime('2026-05-04T11:59:50Z', now), 'just now');
    assert.equal(relativeTime('2026-05-04T11:50:00Z', now), '10 min ago');
    assert.equal(relativeTime('2026-05-04T09:00:00Z', now), '3 h ago');
  });
  test('titles carry the attempt; tooltips escape user text', () => {
    const run: Run = {
      provider: 'github',
      id: 1,
      attempt: 2,
      name: 'CI',
      number: 412,
      sha: 'acb5820ced9479',
      state: 'failure',
      createdAt: '2026-05-04T11:50:00Z',
      commitMessage: 'Fix [link](javascript:alert(1)) *bold*',
      webUrl: 'https://github.com/o/r/actions/runs/1',
    };
    assert.equal(runTitle(run), 'CI #412 (attempt 2)');
    const tooltip = runTooltip(run, Date.parse('2026-05-04T12:00:00Z'));
    assert.match(tooltip, /Fix \\\[link\\\]\\\(javascript:alert\\\(1\\\)\\\) \\\*bold\\\*/);
    assert.match(tooltip, /attempt 2/);
    assert.match(tooltip, /\[Open on GitHub\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/1\)/);
  });
});
