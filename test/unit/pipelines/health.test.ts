import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deployLike, guessDefaultBranch, healthFigures } from '../../../client/src/pipelines/core/health/figures';
import { flakyJobs, slowestJobs } from '../../../client/src/pipelines/core/health/jobs';
import { median, percentile } from '../../../client/src/pipelines/core/health/stats';
import { healthSummary, healthTooltip } from '../../../client/src/pipelines/core/health/text';
import type { Job, Run, RunState } from '../../../client/src/pipelines/core/model';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A run created `at` ms after T0 that took `minutes` (finished runs only). */
function run(id: number, state: RunState, at: number, minutes: number, extra: Partial<Run> = {}): Run {
  const active = ['queued', 'waiting', 'in_progress'].includes(state);
  return {
    provider: 'github',
    id,
    attempt: 1,
    name: 'CI',
    number: id,
    branch: 'main',
    sha: `sha${id}`,
    state,
    createdAt: iso(T0 + at),
    startedAt: iso(T0 + at),
    ...(active ? {} : { finishedAt: iso(T0 + at + minutes * MIN) }),
    webUrl: `https://github.com/o/r/actions/runs/${id}`,
    workflowId: 7,
    ...extra,
  };
}

function job(id: number, name: string, state: RunState, minutes: number, startAt = 0): Job {
  return {
    provider: 'github',
    id,
    runId: 1,
    name,
    state,
    startedAt: iso(T0 + startAt),
    finishedAt: iso(T0 + startAt + minutes * MIN),
    steps: [],
  };
}

describe('health statistics', () => {
  test('median of odd and even counts, p90 by nearest rank', () => {
    assert.equal(median([]), undefined);
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    // 10 values: rank ceil(9) = 9th; 4 values: rank ceil(3.6) = 4th.
    assert.equal(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90), 9);
    assert.equal(percentile([1, 2, 3, 4], 90), 4);
    assert.equal(percentile([7], 90), 7);
    assert.equal(percentile([], 90), undefined);
  });
});

describe('health figures', () => {
  const now = T0 + 14 * DAY;

  test('no runs: nothing to say, and no summary', () => {
    const figures = healthFigures({ runs: [], window: 30, now });
    assert.equal(figures.completed, 0);
    assert.equal(figures.successRate, undefined);
    assert.equal(figures.medianMs, undefined);
    assert.equal(figures.meanTimeToRecoveryMs, undefined);
    assert.equal(figures.deploysPerWeek, undefined);
    assert.equal(healthSummary(figures), undefined);
    assert.equal(
      healthTooltip(figures, (text) => text),
      'Health: no completed runs yet',
    );
  });

  test('all failed: 0%, never recovered', () => {
    const runs = [run(1, 'failure', 0, 2), run(2, 'failure', DAY, 4), run(3, 'failure', 2 * DAY, 6)];
    const figures = healthFigures({ runs, window: 30, now });
    assert.equal(figures.successRate, 0);
    assert.equal(figures.medianMs, 4 * MIN);
    assert.equal(figures.p90Ms, 6 * MIN);
    assert.equal(figures.recoveries, 0);
    assert.equal(figures.failingNow, true);
    assert.equal(healthSummary(figures), '0% · 4m 0s');
    assert.match(
      healthTooltip(figures, (text) => text),
      /Time to recovery on `main`: not recovered yet/,
    );
  });

  test('runs still in progress, queued or manual are left out of the window', () => {
    const runs = [
      run(1, 'success', 0, 3),
      run(2, 'success', MIN * 10, 5),
      run(3, 'in_progress', MIN * 20, 0),
      run(4, 'queued', MIN * 30, 0),
      run(5, 'manual', MIN * 40, 0),
    ];
    const figures = healthFigures({ runs, window: 30, now });
    assert.equal(figures.completed, 2);
    assert.equal(figures.excludedActive, 3);
    assert.equal(figures.successRate, 1);
    assert.equal(figures.medianMs, 4 * MIN);
    assert.deepEqual(
      figures.points.map((point) => point.number),
      [1, 2],
    );
    assert.equal(healthSummary(figures), '100% · 4m 0s');
  });

  test('the window keeps the newest completed runs; cancelled runs count for neither side', () => {
    const runs = [
      run(1, 'failure', 0, 1),
      run(2, 'failure', DAY, 1),
      run(3, 'success', 2 * DAY, 10),
      run(4, 'cancelled', 3 * DAY, 1),
      run(5, 'success', 4 * DAY, 20),
      run(6, 'failure', 5 * DAY, 30),
    ];
    // Newest 4 completed: 3 (success), 4 (cancelled), 5 (success), 6 (failure).
    const figures = healthFigures({ runs, window: 4, now });
    assert.equal(figures.completed, 4);
    assert.equal(figures.successes, 2);
    assert.equal(figures.failures, 1);
    assert.equal(Math.round(figures.successRate! * 1000), 667);
    assert.equal(figures.medianMs, 20 * MIN);
    assert.equal(figures.p90Ms, 30 * MIN);
    assert.equal(healthSummary(figures), '67% · 20m 0s');
  });

  test('mean time to recovery on the default branch: from the first failure of a streak to the next success', () => {
    const runs = [
      run(1, 'success', 0, 5),
      run(2, 'failure', DAY, 5), // ends DAY + 5 min
      run(3, 'failure', DAY + 60 * MIN, 5),
      run(4, 'success', DAY + 120 * MIN, 5), // ends DAY + 125 min: 120 min after run 2 ended
      run(5, 'failure', 2 * DAY, 10, { branch: 'feature' }), // other branch: ignored
      run(6, 'failure', 3 * DAY, 5), // ends 3 DAY + 5 min
      run(7, 'success', 3 * DAY + 30 * MIN, 5), // ends 3 DAY + 35 min: 30 min
      run(8, 'failure', 4 * DAY, 5), // still failing
    ];
    const figures = healthFigures({ runs, window: 30, now });
    assert.equal(figures.defaultBranch, 'main');
    assert.equal(figures.recoveries, 2);
    assert.equal(figures.meanTimeToRecoveryMs, 75 * MIN);
    assert.equal(figures.failingNow, true);
    assert.match(
      healthTooltip(figures, (text) => text),
      /Time to recovery on `main`: 1h 15m \(2 recoveries\)/,
    );
  });

  test('deployment frequency and change failure rate count deploy runs only', () => {
    const deploy = { name: 'Deploy production' };
    const runs = [
      run(1, 'success', 0, 5, deploy),
      run(2, 'failure', DAY, 5, deploy),
      run(3, 'success', 2 * DAY, 5, deploy),
      run(4, 'success', 3 * DAY, 5, deploy),
      run(5, 'success', 4 * DAY, 5), // CI: not a deployment
    ];
    const figures = healthFigures({ runs, window: 30, now });
    assert.equal(figures.deployRuns, 4);
    assert.equal(figures.successfulDeploys, 3);
    assert.equal(figures.changeFailureRate, 0.25);
    // 3 successful deploys over the 14 days since the oldest run in the window: 1.5 a week.
    assert.equal(figures.deploysPerWeek, 1.5);
    assert.match(
      healthTooltip(figures, (text) => text),
      /Deployment frequency: 1\.5 a week/,
    );
    assert.match(
      healthTooltip(figures, (text) => text),
      /Change failure rate: 25%/,
    );
  });

  test('deploy-like: workflow names, file names, job names and GitLab stages', () => {
    const base = run(1, 'success', 0, 1);
    assert.equal(deployLike(base, undefined), false);
    assert.equal(deployLike({ ...base, name: 'Release' }, undefined), true);
    assert.equal(deployLike({ ...base, workflowPath: '.github/workflows/deploy-pages.yml' }, undefined), true);
    assert.equal(deployLike(base, [job(1, 'publish_npm', 'success', 1)]), true);
    assert.equal(deployLike(base, [{ ...job(1, 'review', 'success', 1), stage: 'deploy' }]), true);
    // Words that merely contain the letters are not deployments.
    assert.equal(deployLike({ ...base, name: 'Prerelease notes check' }, undefined), false);
    assert.equal(deployLike(base, [job(1, 'lint', 'success', 1)]), false);
  });

  test('default branch: main, else master, else the busiest branch', () => {
    assert.equal(guessDefaultBranch([run(1, 'success', 0, 1, { branch: 'x' }), run(2, 'success', 0, 1)]), 'main');
    assert.equal(guessDefaultBranch([run(1, 'success', 0, 1, { branch: 'master' })]), 'master');
    const devRuns = [1, 2].map((id) => run(id, 'success', 0, 1, { branch: 'develop' }));
    assert.equal(guessDefaultBranch([...devRuns, run(3, 'success', 0, 1, { branch: 'x' })]), 'develop');
    assert.equal(guessDefaultBranch([]), undefined);
  });
});

describe('job figures', () => {
  test('re-run attempts: a job that failed in attempt 1 and passed in attempt 2 is flaky', () => {
    const first = run(1, 'failure', 0, 5);
    const second = { ...first, attempt: 2, state: 'success' as const };
    const entries = [
      { run: first, jobs: [job(11, 'test', 'failure', 4), job(12, 'build', 'success', 2)] },
      { run: second, jobs: [job(21, 'test', 'success', 6, 10 * MIN), job(22, 'build', 'success', 3, 10 * MIN)] },
    ];
    const flaky = flakyJobs(entries);
    assert.deepEqual(
      flaky.map((each) => [each.name, each.sha, each.failures]),
      [['test', 'sha1', 1]],
    );
    // Medians per job name over both attempts: test (4, 6) = 5 min, build (2, 3) = 2.5 min.
    assert.deepEqual(
      slowestJobs(entries).map((each) => [each.name, each.medianMs / MIN, each.samples]),
      [
        ['test', 5, 2],
        ['build', 2.5, 2],
      ],
    );
  });

  test('a failure with no later success, or a success before the failure, is not flaky', () => {
    const first = run(1, 'success', 0, 5);
    const second = { ...first, attempt: 2, state: 'failure' as const };
    const entries = [
      { run: first, jobs: [job(11, 'test', 'success', 4)] },
      { run: second, jobs: [job(21, 'test', 'failure', 4, 10 * MIN)] },
    ];
    assert.deepEqual(flakyJobs(entries), []);
  });

  test('two runs of the same commit count as tries; other commits or workflows do not', () => {
    const a = run(1, 'failure', 0, 5, { sha: 'abc' });
    const b = run(2, 'success', DAY, 5, { sha: 'abc' });
    const otherCommit = run(3, 'success', DAY, 5, { sha: 'def' });
    const otherWorkflow = run(4, 'success', DAY, 5, { sha: 'abc', workflowId: 8 });
    assert.equal(
      flakyJobs([
        { run: a, jobs: [job(1, 'e2e', 'failure', 1)] },
        { run: b, jobs: [job(2, 'e2e', 'success', 1)] },
      ]).length,
      1,
    );
    assert.equal(
      flakyJobs([
        { run: a, jobs: [job(1, 'e2e', 'failure', 1)] },
        { run: otherCommit, jobs: [job(2, 'e2e', 'success', 1)] },
        { run: otherWorkflow, jobs: [job(3, 'e2e', 'success', 1)] },
      ]).length,
      0,
    );
  });

  test('the figures use only the jobs of runs in the window', () => {
    const old = run(1, 'failure', 0, 5);
    const recent = run(2, 'success', DAY, 5);
    const figures = healthFigures({
      runs: [old, recent],
      jobs: [
        { run: old, jobs: [job(1, 'slow', 'failure', 50)] },
        { run: recent, jobs: [job(2, 'quick', 'success', 1)] },
      ],
      window: 1,
      now: T0 + 2 * DAY,
    });
    assert.deepEqual(
      figures.slowestJobs.map((each) => each.name),
      ['quick'],
    );
  });
});
