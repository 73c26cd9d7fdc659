import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const steps = (body: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;

describe('github-actions/outdated-action', () => {
  checkCases(
    'github-actions/outdated-action',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'checkout v3',
        text: steps('      - uses: actions/checkout@v3\n'),
        want: [{ at: '6:32-6:34', token: 'v3' }],
      },
      {
        name: 'full version and sub-action',
        text: steps('      - uses: actions/upload-artifact@v3.1.2\n      - uses: actions/cache/restore@v3\n'),
        want: ['v3.1.2', 'v3'],
      },
      { name: 'setup-python v4 is deprecated', text: steps('      - uses: actions/setup-python@v4\n'), want: ['v4'] },
      {
        name: 'current majors',
        text: steps(
          '      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n      - uses: actions/cache@v4.2.0\n',
        ),
        want: [],
      },
      {
        name: 'SHA, branch and unknown action',
        text: steps(
          '      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11\n      - uses: actions/checkout@main\n      - uses: someone/checkout@v1\n',
        ),
        want: [],
      },
    ],
    test,
  );
});
