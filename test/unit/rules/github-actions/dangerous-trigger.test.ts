import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const workflow = (on: string, steps: string) =>
  `on: ${on}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const headCheckout =
  '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: npm test\n';

describe('github-actions/dangerous-trigger', () => {
  checkCases(
    'github-actions/dangerous-trigger',
    '/repo/.github/workflows/pr.yml',
    [
      {
        name: 'pull_request_target checking out the head',
        text: workflow('pull_request_target', headCheckout),
        want: [{ at: '8:20-8:54', token: 'github.event.pull_request.head.sha' }],
      },
      {
        name: 'workflow_run head branch',
        text: workflow(
          '\n  workflow_run:\n    workflows: [ci]\n    types: [completed]',
          '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.workflow_run.head_branch }}\n',
        ),
        want: ['github.event.workflow_run.head_branch'],
      },
      {
        name: 'gh pr checkout in a script',
        text: workflow('pull_request_target', '      - run: gh pr checkout ${{ github.event.number }}\n'),
        want: ['gh pr checkout'],
      },
      { name: 'pull_request is unprivileged', text: workflow('pull_request', headCheckout), want: [] },
      {
        name: 'pull_request_target on the base',
        text: workflow('pull_request_target', '      - uses: actions/checkout@v4\n      - run: ./label.sh\n'),
        want: [],
      },
    ],
    test,
  );
});
