import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const jobs = 'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n';

describe('github-actions/concurrency', () => {
  checkCases(
    'github-actions/concurrency',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'pull_request without concurrency',
        text: `on: [push, pull_request]\n${jobs}`,
        want: [{ at: '1:12-1:24', token: 'pull_request' }],
      },
      { name: 'mapping form', text: `on:\n  pull_request:\n    branches: [main]\n${jobs}`, want: ['pull_request'] },
      {
        name: 'group without cancel-in-progress',
        text: `on: push\nconcurrency:\n  group: ci-\${{ github.ref }}\n${jobs}`,
        want: ['concurrency'],
      },
      {
        name: 'group with cancel-in-progress',
        text: `on: push\nconcurrency:\n  group: ci-\${{ github.ref }}\n  cancel-in-progress: true\n${jobs}`,
        want: [],
      },
      { name: 'string group is not enough either', text: `on: push\nconcurrency: ci\n${jobs}`, want: ['concurrency'] },
      {
        name: 'every job cancels',
        text: `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    concurrency:\n      group: b\n      cancel-in-progress: true\n    steps:\n      - run: make\n`,
        want: [],
      },
      {
        name: 'concurrency from fromJSON may hold cancel-in-progress',
        text: `on: push\nconcurrency: \${{ fromJSON(vars.CONCURRENCY) }}\n${jobs}`,
        want: [],
      },
      {
        name: 'an expression group name still queues',
        text: `on: push\nconcurrency: \${{ github.workflow }}-\${{ github.ref }}\n${jobs}`,
        want: ['concurrency'],
      },
      { name: 'other triggers', text: `on: [release, workflow_dispatch]\n${jobs}`, want: [] },
    ],
    test,
  );
});
