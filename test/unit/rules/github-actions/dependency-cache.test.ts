import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const steps = (body: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${body}`;

describe('github-actions/dependency-cache', () => {
  checkCases(
    'github-actions/dependency-cache',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'setup-node then npm ci',
        text: steps('      - uses: actions/setup-node@v4\n      - run: npm ci\n'),
        want: [{ at: '6:15-6:36', token: 'actions/setup-node@v4' }],
      },
      {
        name: 'setup-python then pip install',
        text: steps(
          "      - uses: actions/setup-python@v5\n        with:\n          python-version: '3.12'\n      - run: |\n          python -m pip install -r requirements.txt\n",
        ),
        want: ['actions/setup-python@v5'],
      },
      {
        name: 'setup-java then gradle',
        text: steps(
          '      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n      - run: ./gradlew build\n',
        ),
        want: ['actions/setup-java@v4'],
      },
      {
        name: 'cache input set',
        text: steps('      - uses: actions/setup-node@v4\n        with:\n          cache: npm\n      - run: npm ci\n'),
        want: [],
      },
      {
        name: 'actions/cache in the job',
        text: steps(
          '      - uses: actions/setup-node@v4\n      - uses: actions/cache@v4\n        with:\n          path: ~/.npm\n          key: npm\n      - run: npm ci\n',
        ),
        want: [],
      },
      {
        name: 'no install',
        text: steps('      - uses: actions/setup-node@v4\n      - run: node script.js\n'),
        want: [],
      },
    ],
    test,
  );
});
