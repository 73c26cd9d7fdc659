import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const steps = (body: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;

describe('github-actions/persist-credentials', () => {
  checkCases(
    'github-actions/persist-credentials',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'checkout then upload-artifact',
        text: steps(
          '      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n',
        ),
        want: [{ at: '6:15-6:34', token: 'actions/checkout@v4' }],
      },
      {
        name: 'checkout then docker push',
        text: steps('      - uses: actions/checkout@v4\n      - run: docker push ghcr.io/me/app:1.0\n'),
        want: ['actions/checkout@v4'],
      },
      {
        name: 'persist-credentials: false',
        text: steps(
          '      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - uses: actions/upload-artifact@v4\n        with:\n          path: dist\n',
        ),
        want: [],
      },
      {
        name: 'nothing leaves the runner',
        text: steps('      - uses: actions/checkout@v4\n      - run: make test\n'),
        want: [],
      },
    ],
    test,
  );
});
