import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const workflow = (steps: string) =>
  `on: issues\npermissions: {}\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n${steps}`;

// zizmor's comments name its own checks; they reach our rules through each rule's aliases.
describe('github-actions: zizmor and shipshape suppressions', () => {
  checkCases(
    'github-actions/script-injection',
    '/repo/.github/workflows/t.yml',
    [
      {
        name: 'zizmor ignore above the step',
        text: workflow(
          '      # zizmor: ignore[template-injection]\n      - run: echo "${{ github.event.issue.title }}"\n',
        ),
        want: [],
      },
      {
        name: 'zizmor ignore of another check does not apply',
        text: workflow('      # zizmor: ignore[unpinned-uses]\n      - run: echo "${{ github.event.issue.title }}"\n'),
        want: ['github.event.issue.title'],
      },
    ],
    test,
  );
  checkCases(
    'github-actions/pin-action',
    '/repo/.github/workflows/t.yml',
    [
      {
        name: 'zizmor trailing ignore',
        text: workflow('      - uses: foo/bar@v1 # zizmor: ignore[unpinned-uses]\n'),
        want: [],
      },
      {
        name: 'shipshape ignore',
        text: workflow('      # shipshape-ignore github-actions/pin-action -- vetted\n      - uses: foo/bar@v1\n'),
        want: [],
      },
    ],
    test,
  );
  checkCases(
    'github-actions/persist-credentials',
    '/repo/.github/workflows/t.yml',
    [
      {
        name: 'zizmor artipacked',
        text: workflow(
          '      - uses: actions/checkout@v4 # zizmor: ignore[artipacked]\n      - uses: actions/upload-artifact@v4\n        with:\n          path: .\n',
        ),
        want: [],
      },
    ],
    test,
  );
});
