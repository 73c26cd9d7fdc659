import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deployDetector, workflowDeploys } from '../../../client/src/pipelines/core/health/deploys';
import type { Job, Run, RunState } from '../../../client/src/pipelines/core/model';

const run = (extra: Partial<Run> = {}): Run => ({
  provider: 'github',
  id: 1,
  attempt: 1,
  name: 'Ship',
  number: 1,
  branch: 'main',
  sha: 'abc',
  state: 'success',
  createdAt: '2026-03-01T00:00:00Z',
  webUrl: 'https://github.com/o/r/actions/runs/1',
  workflowPath: '.github/workflows/ship.yml',
  ...extra,
});
const job = (name: string, state: RunState = 'success'): Job => ({
  provider: 'github',
  id: name.length,
  runId: 1,
  name,
  state,
  steps: [],
});
const names = (text: string, jobNames: string[]) => {
  const deploys = workflowDeploys(text);
  assert.ok(deploys);
  return jobNames.filter((name) => deploys.jobs.some((pattern) => pattern.test(name)));
};

describe('deploy jobs of a workflow file', () => {
  test('a job with environment: (a name or a mapping) deploys; others do not', () => {
    const text = [
      'on: push',
      'jobs:',
      '  build: { runs-on: ubuntu-latest, steps: [] }',
      '  staging: { environment: staging, runs-on: ubuntu-latest, steps: [] }',
      '  prod:',
      '    name: Production',
      '    environment: { name: production, url: "https://example.com" }',
      '    runs-on: ubuntu-latest',
      '    steps: []',
    ].join('\n');
    assert.deepEqual(names(text, ['build', 'staging', 'Production', 'prod']), ['staging', 'Production']);
  });

  test('matrix suffixes, reusable-workflow callees and expressions in the name', () => {
    const text = [
      'jobs:',
      '  regions:',
      '    name: Roll out ${{ matrix.region }}',
      '    environment: production',
      '    strategy: { matrix: { region: [eu, us] } }',
      '  call: { uses: ./.github/workflows/deploy-one.yml, environment: x }',
      '  "a.b": { environment: e }',
    ].join('\n');
    assert.deepEqual(
      names(text, ['Roll out eu', 'Roll out us (1)', 'call / push', 'call', 'a.b', 'aXb', 'Roll back']),
      ['Roll out eu', 'Roll out us (1)', 'call / push', 'call', 'a.b'],
    );
  });

  test('environment: null, no jobs, broken YAML and other files', () => {
    assert.deepEqual(workflowDeploys('jobs:\n  a: { environment: ~ }\n')?.jobs, []);
    assert.equal(workflowDeploys('on: push\n'), undefined);
    assert.equal(workflowDeploys('jobs: [a, b]\n'), undefined);
    assert.equal(workflowDeploys('jobs: {\n'), undefined);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of ['ba', 'cb', 'dc', 'ed', 'fe'])
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    assert.equal(workflowDeploys(`${bomb.join('\n')}\njobs: { a: { environment: e } }\n`), undefined);
  });
});

describe('which runs deploy', () => {
  const ship = workflowDeploys('jobs:\n  build: {}\n  go-live: { environment: production }\n')!;
  const isDeploy = deployDetector({ deployJobs: new Map([['.github/workflows/ship.yml', ship]]) });

  test('GitHub: a run of a workflow with a deploy job, unless its loaded jobs show that job skipped', () => {
    assert.equal(isDeploy(run(), undefined), true);
    assert.equal(isDeploy(run(), [job('build'), job('go-live')]), true);
    assert.equal(isDeploy(run(), [job('build'), job('go-live', 'skipped')]), false);
    assert.equal(isDeploy(run({ workflowPath: '.github/workflows/ci.yml', name: 'CI' }), undefined), false);
  });

  test('a deploy-like name counts without any file', () => {
    assert.equal(isDeploy(run({ workflowPath: '.github/workflows/release.yml', name: 'Publish' }), undefined), true);
  });

  test('GitLab: the pipelines the deployments API names', () => {
    const gitlab = deployDetector({ deployJobs: new Map(), deployingRuns: new Set([7]) });
    const pipeline = (id: number) => run({ provider: 'gitlab', id, name: undefined, workflowPath: undefined });
    assert.equal(gitlab(pipeline(7), undefined), true);
    assert.equal(gitlab(pipeline(8), undefined), false);
  });
});
