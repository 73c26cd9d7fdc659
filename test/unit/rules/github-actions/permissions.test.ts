import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const job = (name: string, extra = '') =>
  `  ${name}:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - run: make\n`;

describe('github-actions/permissions', () => {
  checkCases(
    'github-actions/permissions',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'no top-level permissions',
        text: `on: push\njobs:\n${job('build')}`,
        want: [{ at: '2:1-2:5', token: 'jobs' }],
      },
      {
        name: 'write-all at top and in a job',
        text: `on: push\npermissions: write-all\njobs:\n${job('build', '    permissions: write-all\n')}`,
        want: ['write-all', 'write-all'],
      },
      {
        name: 'workflow-level write with two jobs',
        text: `on: push\npermissions:\n  contents: read\n  packages: write\njobs:\n${job('build')}${job('test')}`,
        want: [{ at: '4:13-4:18', token: 'write' }],
      },
      {
        name: 'workflow-level write with one job',
        text: `on: push\npermissions:\n  contents: write\njobs:\n${job('release')}`,
        want: [],
      },
      {
        name: 'read-only top level',
        text: `on: push\npermissions:\n  contents: read\njobs:\n${job('build')}${job('test', '    permissions:\n      packages: write\n')}`,
        want: [],
      },
      {
        name: 'every job declares its own',
        text: `on: push\njobs:\n${job('build', '    permissions: {}\n')}`,
        want: [],
      },
    ],
    test,
  );
});
