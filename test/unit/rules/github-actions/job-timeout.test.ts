import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('github-actions/job-timeout', () => {
  checkCases(
    'github-actions/job-timeout',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'job without timeout',
        text: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
        want: [{ at: '3:3-3:8', token: 'build' }],
      },
      {
        name: 'job with timeout',
        text: 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    steps:\n      - run: make\n',
        want: [],
      },
      {
        name: 'reusable workflow call',
        text: 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/build.yml\n',
        want: [],
      },
      {
        name: 'action metadata has no jobs',
        path: '/repo/action.yml',
        text: 'name: a\ndescription: d\nruns:\n  using: node20\n  main: i.js\n',
        want: [],
      },
    ],
    test,
  );
});
