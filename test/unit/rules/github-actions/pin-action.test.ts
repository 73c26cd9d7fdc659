import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCases, lint } from '../../../helpers/lint';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';
const steps = (body: string) =>
  `on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;
const path = '/repo/.github/workflows/ci.yml';

describe('github-actions/pin-action', () => {
  checkCases(
    'github-actions/pin-action',
    path,
    [
      {
        name: 'third-party tag',
        text: steps('      - uses: docker/login-action@v3\n'),
        want: [{ at: '7:35-7:37', token: 'v3' }],
      },
      {
        name: 'first-party tag (info)',
        text: steps('      - uses: actions/checkout@v4\n'),
        want: ['v4'],
        severity: 'info',
      },
      { name: 'branch ref, quoted', text: steps("      - uses: 'actions/checkout@main'\n"), want: ['main'] },
      {
        name: 'docker image without digest',
        text: steps('      - uses: docker://alpine:3.20\n'),
        want: ['docker://alpine:3.20'],
      },
      {
        name: 'reusable workflow job',
        text: 'on: push\njobs:\n  call:\n    uses: org/repo/.github/workflows/ci.yml@v1\n',
        want: ['v1'],
      },
      {
        name: 'composite action step',
        path: '/repo/action.yml',
        text: 'name: a\ndescription: d\nruns:\n  using: composite\n  steps:\n    - uses: foo/bar@v1\n',
        want: ['v1'],
      },
      { name: 'full SHA', text: steps(`      - uses: docker/login-action@${SHA} # v3\n`), want: [] },
      {
        name: 'local action and digest-pinned image',
        text: steps(
          '      - uses: ./.github/actions/setup\n      - uses: docker://alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n',
        ),
        want: [],
      },
    ],
    test,
  );

  test('severity: info for actions/*, warning for third parties and branches', () => {
    const severities = lint(
      path,
      steps('      - uses: actions/checkout@v4\n      - uses: foo/bar@v1\n      - uses: actions/checkout@main\n'),
    )
      .filter((f) => f.ruleId === 'github-actions/pin-action')
      .map((f) => f.severity);
    assert.deepEqual(severities, ['info', 'warning', 'warning']);
  });

  test('pinFirstParty: actions/* tags warn too', () => {
    const settings = { 'github-actions/pin-action': { options: { pinFirstParty: true } } };
    const severities = lint(path, steps('      - uses: actions/checkout@v4\n'), { settings })
      .filter((f) => f.ruleId === 'github-actions/pin-action')
      .map((f) => f.severity);
    assert.deepEqual(severities, ['warning']);
  });
});
