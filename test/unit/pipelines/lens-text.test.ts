import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gitlabJobKeys, jobLensText, latestRunOf, runLensText } from '../../../client/src/pipelines/core/lens-text';
import type { Job, Run } from '../../../client/src/pipelines/core/model';

const NOW = Date.parse('2026-05-04T12:10:00Z');

const run = (overrides: Partial<Run>): Run => ({
  provider: 'github',
  id: 1,
  attempt: 1,
  name: 'CI',
  number: 412,
  sha: 'abc',
  state: 'success',
  createdAt: '2026-05-04T11:54:00Z',
  startedAt: '2026-05-04T11:54:20Z',
  finishedAt: '2026-05-04T11:58:00Z',
  webUrl: 'https://github.com/o/r/actions/runs/1',
  workflowPath: '.github/workflows/ci.yml',
  ...overrides,
});

describe('CodeLens text', () => {
  test('a workflow’s last run: state, age, duration', () => {
    assert.equal(runLensText(run({}), NOW), '✓ passed 12 min ago · 3m 40s');
    assert.equal(runLensText(run({ state: 'failure' }), NOW), '✗ failed 12 min ago · 3m 40s');
    assert.equal(
      runLensText(run({ state: 'in_progress', finishedAt: undefined, startedAt: '2026-05-04T12:08:00Z' }), NOW),
      '● running 2 min ago · 2m 0s',
    );
    assert.equal(
      runLensText(
        run({ state: 'queued', startedAt: undefined, finishedAt: undefined, createdAt: '2026-05-04T12:09:50Z' }),
        NOW,
      ),
      '○ queued just now',
    );
    assert.equal(runLensText(undefined, NOW), 'No runs yet');
  });

  test('the newest run of the workflow file among the lists', () => {
    const older = run({ id: 1, createdAt: '2026-05-03T10:00:00Z' });
    const newer = run({ id: 2, createdAt: '2026-05-04T10:00:00Z' });
    const otherFile = run({ id: 3, createdAt: '2026-05-04T11:00:00Z', workflowPath: '.github/workflows/release.yml' });
    assert.equal(latestRunOf('.github/workflows/ci.yml', [[older, otherFile], undefined, [newer]])?.id, 2);
    assert.equal(latestRunOf('.github/workflows/none.yml', [[older]]), undefined);
  });

  test('a GitLab job’s last state on the branch, with its pipeline', () => {
    const pipeline = run({ provider: 'gitlab', number: 12 });
    const job: Job = {
      provider: 'gitlab',
      id: 9,
      runId: 1,
      name: 'rspec',
      state: 'failure',
      startedAt: '2026-05-04T11:55:00Z',
      finishedAt: '2026-05-04T11:56:20Z',
      steps: [],
    };
    assert.equal(jobLensText(job, pipeline, NOW), '✗ failed 14 min ago · 1m 20s · pipeline #12');
    assert.equal(
      jobLensText({ ...job, state: 'manual', startedAt: undefined, finishedAt: undefined }, pipeline, NOW),
      '▶ manual 16 min ago · pipeline #12',
    );
    assert.equal(jobLensText(undefined, pipeline, NOW), 'Not in pipeline #12');
    assert.equal(jobLensText(undefined, undefined, NOW), 'No pipeline on this branch yet');
  });
});

describe('GitLab job keys', () => {
  test('top-level mappings that are not global keywords or hidden templates, at their lines', () => {
    const text = [
      'stages: [build, test]',
      'variables:',
      '  RAILS_ENV: test',
      'default:',
      '  image: ruby:3.3',
      '.base: &base',
      '  tags: [docker]',
      'build:',
      '  stage: build',
      '  script: make',
      '"unit tests":',
      '  <<: *base',
      '  script: rake',
      'pages:',
      '  script: mkdocs build',
      'not_a_job: 3',
    ].join('\n');
    assert.deepEqual(gitlabJobKeys(text), [
      { name: 'build', line: 7 },
      { name: 'unit tests', line: 10 },
      { name: 'pages', line: 13 },
    ]);
  });

  test('a file that is not a mapping has no jobs; broken YAML gives what parses', () => {
    assert.deepEqual(gitlabJobKeys('- a\n- b\n'), []);
    assert.deepEqual(gitlabJobKeys(''), []);
  });
});
