import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const run = (script: string) =>
  `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${script}\n`;

describe('github-actions/deprecated-command', () => {
  checkCases(
    'github-actions/deprecated-command',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'set-output is deprecated',
        text: run('echo "::set-output name=tag::v1"'),
        want: [{ at: '6:22-6:32', token: 'set-output', severity: 'warning' }],
      },
      {
        name: 'save-state is deprecated',
        text: run("echo '::save-state name=a::b'"),
        want: [{ at: '6:22-6:32', token: 'save-state', severity: 'warning' }],
      },
      {
        name: 'set-env and add-path are disabled',
        text: run('|\n          echo "::set-env name=A::b"\n          echo "::add-path::/opt/bin"'),
        want: ['set-env', 'add-path'],
      },
      {
        name: 'the current commands and environment files',
        text: run(
          '|\n          echo "::notice::done"\n          echo "::add-mask::$TOKEN"\n          echo "tag=v1" >> "$GITHUB_OUTPUT"',
        ),
        want: [],
      },
      {
        name: 'in a composite action',
        path: '/repo/action.yml',
        text: "name: a\ndescription: d\nruns:\n  using: composite\n  steps:\n    - run: echo '::set-output name=a::b'\n      shell: bash\n",
        want: [{ at: '6:20-6:30', token: 'set-output', severity: 'warning' }],
      },
    ],
    test,
  );
});
