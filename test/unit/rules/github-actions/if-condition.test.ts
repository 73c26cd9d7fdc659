import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const step = (condition: string) =>
  `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        if: ${condition}\n`;

describe('github-actions/if-condition', () => {
  checkCases(
    'github-actions/if-condition',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'conditions that read the run',
        text: step("${{ github.event_name == 'push' }}"),
        want: [],
      },
      { name: 'a bare condition', text: step("github.ref == 'refs/heads/main' && !cancelled()"), want: [] },
      { name: 'a status function', text: step('always()'), want: [] },
      { name: 'hashFiles depends on the checkout', text: step("hashFiles('**/go.sum') != ''"), want: [] },
      {
        name: 'a folded multi-line condition',
        text: step(">-\n          github.event_name == 'push' &&\n          github.ref == 'refs/heads/main'"),
        want: [],
      },
      { name: 'a string that looks like a context', text: step("contains('github.ref', 'x') || github.ref"), want: [] },
      {
        name: 'text after the expression makes it always true',
        text: step("${{ github.event_name == 'push' }} && ${{ github.ref_name == 'main' }}"),
        want: [{ at: '7:13-7:83', token: "${{ github.event_name == 'push' }} && ${{ github.ref_name == 'main' }}" }],
      },
      { name: 'a space inside the quotes', text: step("' ${{ false }}'"), want: ["' ${{ false }}'"] },
      { name: 'a negation outside', text: step("'!${{ true }}'"), want: ["'!${{ true }}'"] },
      {
        name: 'a literal block keeps its trailing newline',
        text: step('|\n          ${{ false }}'),
        want: ['|\n          ${{ false }}\n'],
      },
      { name: 'a constant', text: step('false'), want: [{ at: '7:13-7:18', token: 'false', severity: 'warning' }] },
      {
        name: 'a constant expression',
        text: step('${{ true }}'),
        want: [{ at: '7:13-7:24', token: '${{ true }}', severity: 'warning' }],
      },
      {
        name: 'pure functions of literals',
        text: step("${{ startsWith(format('{0}-x', 'a'), 'a') }}"),
        want: [{ at: '7:13-7:57', token: "${{ startsWith(format('{0}-x', 'a'), 'a') }}", severity: 'warning' }],
      },
      {
        name: 'a job condition and a composite action step',
        path: '/repo/action.yml',
        text: 'name: a\ndescription: d\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n      if: 1 == 1\n',
        want: [{ at: '8:11-8:17', token: '1 == 1', severity: 'warning' }],
      },
    ],
    test,
  );
});
