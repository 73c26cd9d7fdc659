import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const steps = (body: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;

describe('github-actions/action-inputs', () => {
  checkCases(
    'github-actions/action-inputs',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'misspelt input',
        text: steps('      - uses: actions/setup-node@v4\n        with:\n          cach: npm\n'),
        want: [{ at: '8:11-8:15', token: 'cach' }],
      },
      {
        name: 'unknown input with no close match',
        text: steps('      - uses: actions/checkout@v4\n        with:\n          branch: main\n'),
        want: ['branch'],
      },
      {
        name: 'missing required input',
        text: steps('      - uses: actions/cache@v4\n        with:\n          path: node_modules\n'),
        want: ['actions/cache@v4'],
      },
      {
        name: 'setup-java needs a distribution',
        text: steps("      - uses: actions/setup-java@v4\n        with:\n          java-version: '21'\n"),
        want: ['actions/setup-java@v4'],
      },
      {
        name: 'known inputs, any case',
        text: steps(
          '      - uses: actions/checkout@v4\n        with:\n          Fetch-Depth: 0\n          persist-credentials: false\n',
        ),
        want: [],
      },
      {
        name: 'older major is not judged',
        text: steps('      - uses: actions/checkout@v2\n        with:\n          anything: 1\n'),
        want: [],
      },
      {
        name: 'with: from an expression passes inputs decided at run time',
        text: steps('      - uses: actions/cache@v4\n        with: ${{ fromJSON(needs.setup.outputs.cache) }}\n'),
        want: [],
      },
      {
        name: 'unknown action',
        text: steps('      - uses: someone/thing@v1\n        with:\n          whatever: 1\n'),
        want: [],
      },
    ],
    test,
  );
});
