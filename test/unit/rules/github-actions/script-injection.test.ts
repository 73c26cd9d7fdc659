import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const workflow = (steps: string) => `on: [issues, pull_request_target]
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
${steps}`;

describe('github-actions/script-injection', () => {
  checkCases(
    'github-actions/script-injection',
    '/repo/.github/workflows/triage.yml',
    [
      {
        name: 'issue title in a one-line run',
        text: workflow('      - run: echo "${{ github.event.issue.title }}"\n'),
        want: [{ at: '6:24-6:48', token: 'github.event.issue.title' }],
      },
      {
        name: 'block scalar, several lines and contexts',
        text: workflow(
          '      - run: |\n          echo "${{ github.head_ref }}"\n          echo ${{ github.event.pull_request.body}} ${{ github.event.commits[0].message }}\n',
        ),
        want: ['github.head_ref', 'github.event.pull_request.body', 'github.event.commits[0].message'],
      },
      {
        name: 'index syntax',
        text: workflow("      - run: echo ${{ github.event['comment']['body'] }}\n"),
        want: ["github.event['comment']['body']"],
      },
      {
        name: 'github-script script input',
        text: workflow(
          '      - uses: actions/github-script@v7\n        with:\n          script: console.log("${{ github.event.issue.body }}")\n',
        ),
        want: ['github.event.issue.body'],
      },
      {
        name: 'composite action steps',
        path: '/repo/action.yml',
        text: 'name: a\ndescription: d\nruns:\n  using: composite\n  steps:\n    - shell: bash\n      run: echo ${{ github.event.pull_request.head.ref }}\n',
        want: ['github.event.pull_request.head.ref'],
      },
      {
        name: 'trusted contexts',
        text: workflow(
          '      - run: echo ${{ github.event.issue.number }} ${{ github.sha }} ${{ github.event.pull_request.head.sha }}\n',
        ),
        want: [],
      },
      {
        name: 'passed through env is the safe form',
        text: workflow('      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: echo "$TITLE"\n'),
        want: [],
      },
      {
        name: 'in a step name (not a script)',
        text: workflow('      - name: ${{ github.event.issue.title }}\n        run: echo hi\n'),
        want: [],
      },
      {
        name: 'a string literal that looks like a context',
        text: workflow("      - run: echo ${{ format('github.event.issue.title') }}\n"),
        want: [],
      },
      {
        name: 'not a workflow: same text elsewhere',
        path: '/repo/docs/example.yml',
        text: workflow('      - run: echo "${{ github.event.issue.title }}"\n'),
        want: [],
      },
    ],
    test,
  );
});
