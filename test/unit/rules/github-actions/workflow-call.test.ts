import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const call = (job: string) => `on: push\njobs:\n  call:\n${job}`;

/** A reusable workflow of the same repository, at /repo/.github/workflows/deploy.yml. */
const deploy = (on: string) =>
  `on:\n${on}jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n`;
const declaring = deploy(
  '  workflow_call:\n    inputs:\n      environment:\n        type: string\n        required: true\n      dry-run:\n        type: boolean\n        required: false\n      replicas:\n        type: number\n        required: true\n        default: 2\n    secrets:\n      Deploy-Token:\n        required: true\n      notify-hook:\n',
);
const withDeploy = (text: string) => ({ files: { '/repo/.github/workflows/deploy.yml': text } });

describe('github-actions/workflow-call', () => {
  checkCases(
    'github-actions/workflow-call',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'a local workflow called with a ref',
        text: call('    uses: ./.github/workflows/deploy.yml@main\n'),
        want: [{ at: '4:11-4:46', token: './.github/workflows/deploy.yml@main' }],
      },
      {
        name: "an action's reference at a job",
        text: call('    uses: octo-org/deploy@v2\n'),
        want: ['octo-org/deploy@v2'],
      },
      {
        name: 'the repository missing',
        text: call('    uses: octo-org/deploy.yml@v2\n'),
        want: ['octo-org/deploy.yml@v2'],
      },
      {
        name: 'the ref missing',
        text: call('    uses: octo-org/ci/.github/workflows/a.yml\n'),
        want: ['octo-org/ci/.github/workflows/a.yml'],
      },
      {
        name: 'a path not from ./',
        text: call('    uses: .github/workflows/a.yml\n'),
        want: ['.github/workflows/a.yml'],
      },
      { name: 'an absolute path', text: call("    uses: '/ci/a.yml@v1'\n"), want: ['/ci/a.yml@v1'] },
      {
        name: 'another repository, well formed',
        text: call('    uses: octo-org/ci/.github/workflows/a.yml@v2\n'),
        want: [],
      },
      { name: 'an expression is not judged here', text: call("    uses: ${{ 'x' }}\n"), want: [] },
      {
        name: 'steps are not reusable-workflow calls',
        text: 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: octo-org/deploy@v2\n',
        want: [],
      },
      {
        name: '$/ is a path from the repository root too',
        text: call(
          '    uses: $/.github/workflows/deploy.yml\n    with:\n      environment: prod\n      colour: blue\n',
        ),
        options: withDeploy(declaring),
        want: ['$/.github/workflows/deploy.yml', 'colour'],
      },
      {
        name: 'a local workflow that does not exist',
        text: call('    uses: ./.github/workflows/deploy.yml\n'),
        want: [{ at: '4:11-4:41', token: './.github/workflows/deploy.yml' }],
      },
      {
        name: 'a local workflow without workflow_call',
        text: call('    uses: ./.github/workflows/deploy.yml\n'),
        options: withDeploy(deploy('  push:\n  workflow_dispatch:\n')),
        want: ['./.github/workflows/deploy.yml'],
      },
      {
        name: 'workflow_call in a list of events, nothing passed',
        text: call('    uses: ./.github/workflows/deploy.yml\n'),
        options: withDeploy('on: [push, workflow_call]\njobs: {}\n'),
        want: [],
      },
      {
        name: 'everything given right (names without case, secrets inherited)',
        text: call(
          '    uses: ./.github/workflows/deploy.yml\n    with:\n      Environment: prod\n      dry-run: true\n      replicas: 3\n    secrets: inherit\n',
        ),
        options: withDeploy(declaring),
        want: [],
      },
      {
        name: 'undeclared input and secret, required ones missing',
        text: call(
          '    uses: ./.github/workflows/deploy.yml\n    with:\n      enviroment: prod\n    secrets:\n      notify-hook: ${{ secrets.HOOK }}\n      token: ${{ secrets.T }}\n',
        ),
        options: withDeploy(declaring),
        want: [
          { at: '4:11-4:41', token: './.github/workflows/deploy.yml' },
          { at: '4:11-4:41', token: './.github/workflows/deploy.yml' },
          { at: '6:7-6:17', token: 'enviroment' },
          { at: '9:7-9:12', token: 'token' },
        ],
      },
      {
        name: 'literals that cannot be the declared type; quoted true and expressions are left alone',
        text: call(
          '    uses: ./.github/workflows/deploy.yml\n    with:\n      environment: prod\n      dry-run: yes\n      replicas: three\n    secrets:\n      deploy-token: x\n',
        ),
        options: withDeploy(declaring),
        want: [
          { at: '7:16-7:19', token: 'yes' },
          { at: '8:17-8:22', token: 'three' },
        ],
      },
      {
        name: 'look-alike literals of the right type',
        text: call(
          "    uses: ./.github/workflows/deploy.yml\n    with:\n      environment: 3\n      dry-run: 'true'\n      replicas: ${{ inputs.n }}\n    secrets:\n      deploy-token: x\n",
        ),
        options: withDeploy(declaring),
        want: [],
      },
      {
        name: 'inputs passed as one expression',
        text: call(
          '    uses: ./.github/workflows/deploy.yml\n    with: ${{ fromJSON(needs.a.outputs.inputs) }}\n    secrets: inherit\n',
        ),
        options: withDeploy(declaring),
        want: [],
      },
      {
        name: 'a called workflow that does not parse is its own problem',
        text: call('    uses: ./.github/workflows/deploy.yml\n    with:\n      x: 1\n'),
        options: withDeploy('on:\n  workflow_call:\n    inputs: [\n'),
        want: [],
      },
    ],
    test,
  );
});
