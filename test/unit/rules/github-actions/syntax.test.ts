import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCases, lint } from '../../../helpers/lint';

const job = (body: string, extra = '') => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${body}${extra}`;

describe('github-actions/syntax', () => {
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'a repeated key is reported on its whole token',
        text: 'on: push\non: pull_request\njobs: {}\n',
        want: [{ at: '2:1-2:3', token: 'on' }],
      },
      {
        name: 'keys repeated in another case are the same key to GitHub, and the checks go on after one',
        text: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      foo: 1\n      FOO: 2\n    stepz: []\n    steps:\n      - run: echo\n',
        want: [
          { at: '7:7-7:10', token: 'FOO' },
          { at: '8:5-8:10', token: 'stepz' },
        ],
      },
      {
        name: 'unknown job key (schema)',
        text: job('    stepz: []\n    steps:\n      - run: echo\n'),
        want: [{ at: '5:5-5:10', token: 'stepz' }],
      },
      {
        name: 'a missing property is reported on the key of the mapping that lacks it',
        text: 'on: push\nconcurrency:\n  cancel-in-progress: true\njobs:\n  build:\n    steps:\n      - run: echo\n',
        want: [
          { at: '2:1-2:12', token: 'concurrency' },
          { at: '5:3-5:8', token: 'build' },
        ],
      },
      {
        name: 'unknown event',
        text: 'on: pushh\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
        want: ['pushh'],
      },
      {
        name: 'bad expression syntax',
        text: job('    steps:\n      - run: echo ${{ foo( }}\n'),
        want: ['${{ foo( }}'],
      },
      {
        name: 'needs an unknown job',
        text: job(
          '    steps:\n      - run: echo\n',
          '  test:\n    needs: buld\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
        ),
        want: ['buld'],
      },
      {
        name: 'needs an unknown job when every job has needs, and a job twice',
        text: 'on: push\njobs:\n  foo:\n    needs: [bar, BAR]\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n  bar:\n    needs: [fo]\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n',
        want: [
          { at: '4:18-4:21', token: 'BAR' },
          { at: '8:13-8:15', token: 'fo' },
        ],
      },
      {
        name: 'a job waiting on a job with an unknown need is no cycle',
        text: 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n  build:\n    needs: [prepare]\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n  deploy:\n    needs: [build]\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n',
        want: ['prepare'],
      },
      {
        name: 'needs cycle',
        text: 'on: push\njobs:\n  a:\n    needs: b\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n  b:\n    needs: [a]\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n',
        want: [{ at: '3:3-3:4', token: 'a' }],
      },
      {
        name: 'needs cycle reported on the key of its job written first, whatever the search order',
        text: 'on: push\njobs:\n  setup:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n  test:\n    needs: [setup, package]\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n  build:\n    needs: Test\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n  package:\n    needs: [build]\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n',
        want: [{ at: '6:3-6:7', token: 'test' }],
      },
      {
        name: 'a job that needs itself',
        text: 'on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n  build:\n    needs: [lint, build]\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n',
        want: [{ at: '6:3-6:8', token: 'build' }],
      },
      {
        name: 'duplicate step id',
        text: job('    steps:\n      - id: x\n        run: echo\n      - id: x\n        run: echo\n'),
        want: [{ at: '8:13-8:14', token: 'x' }],
      },
      {
        name: 'step ids differing only in case are duplicates; the same id in another job is not',
        text: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - id: Build\n        run: echo\n      - id: BUILD\n        run: echo\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - id: build\n        run: echo\n',
        want: [{ at: '8:13-8:18', token: 'BUILD' }],
      },
      {
        name: 'with: and secrets: in a job that runs steps are reported, not the parser errors they cause',
        text: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    with:\n      level: 3\n    secrets:\n      token: x\n    timeout_minutes: 5\n    steps:\n      - run: echo\n',
        want: [
          { at: '5:5-5:9', token: 'with' },
          { at: '7:5-7:12', token: 'secrets' },
          { at: '9:5-9:20', token: 'timeout_minutes' },
        ],
      },
      {
        name: 'with: written before runs-on (the parser then reads a call, missing uses)',
        text: 'on: push\njobs:\n  a:\n    with:\n      level: 3\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
        want: [{ at: '4:5-4:9', token: 'with' }],
      },
      {
        name: 'undefined step id in run, if and job outputs',
        text: job(
          '    outputs:\n      tag: ${{ steps.meta.outputs.tag }}\n    steps:\n      - id: build\n        run: echo\n      - if: steps.biuld.outputs.ok\n        run: echo ${{ steps.later.outputs.x }} ${{ steps.build.outputs.y }}\n      - id: later\n        run: echo\n',
        ),
        want: ['steps.meta.outputs.tag', 'steps.biuld.outputs.ok', 'steps.later.outputs.x'],
      },
      {
        name: 'matrix keys: rows and include',
        text: job(
          '    strategy:\n      matrix:\n        node: [18, 20]\n        include:\n          - os: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.node }} ${{ matrix.os }} ${{ matrix.nod }}\n',
        ),
        want: ['matrix.nod'],
      },
      {
        name: 'runs-on reading a matrix key whose values are mappings',
        text: job(
          '    strategy:\n      matrix:\n        target:\n          - {os: ubuntu-latest, arch: x64}\n    steps:\n      - run: echo\n',
        ).replace('runs-on: ubuntu-latest', 'runs-on: ${{ matrix.target }}'),
        want: ['${{ matrix.target }}'],
      },
      {
        name: "runs-on reading a property of matrix rows, string rows, or rows in runs-on's long form",
        text: 'on: push\njobs:\n  a:\n    strategy:\n      matrix:\n        target:\n          - {os: ubuntu-latest, arch: x64}\n        os: [ubuntu-latest]\n    runs-on: ["${{ matrix.target.os }}", "${{ matrix.os }}"]\n    steps:\n      - run: echo\n  b:\n    strategy:\n      matrix:\n        runner:\n          - {group: big, labels: [linux]}\n    runs-on: ${{ matrix.runner }}\n    steps:\n      - run: echo\n',
        want: [],
      },
      {
        name: 'matrix exclude with an unknown key',
        text: job(
          '    strategy:\n      matrix:\n        os: [a, b]\n        exclude:\n          - operating-system: a\n          - os: b\n    steps:\n      - run: echo\n',
        ),
        want: [{ at: '9:13-9:29', token: 'operating-system' }],
      },
      {
        name: 'matrix exclude values that match nothing',
        text: job(
          '    strategy:\n      matrix:\n        os: [{runner: ubuntu-latest, name: Linux}]\n        node: [20, 22]\n        include:\n          - os: {runner: ubuntu-latest}\n            gui: gnome\n        exclude:\n          - os: {runner: ubuntu-latest}\n            node: 22\n          - os: ubuntu-latest\n          - os: {runner: windows-latest}\n          - node: [20]\n          - gui: kde\n          - node: 18\n    steps:\n      - run: echo\n',
        ),
        want: ['ubuntu-latest', '{runner: windows-latest}', '[20]', 'kde', '18'],
      },
      {
        name: 'matrix exclude values from an expression are not judged',
        text: job(
          '    strategy:\n      matrix:\n        os: ${{ fromJSON(vars.os) }}\n        node: [20]\n        exclude:\n          - os: windows\n          - node: ${{ vars.SKIP }}\n    steps:\n      - run: echo\n',
        ),
        want: [],
      },
      {
        name: 'a filter with its -ignore twin on one event: the second one',
        text: 'on:\n  push:\n    branches-ignore: [wip]\n    branches: [main]\n    tags: [v*]\n  pull_request:\n    paths: [src/**]\n    paths-ignore: [docs/**]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n',
        want: [
          { at: '4:5-4:13', token: 'branches' },
          { at: '8:5-8:17', token: 'paths-ignore' },
        ],
      },
      {
        name: 'dispatch input defaults that do not fit, and repeated options',
        text: 'on:\n  workflow_dispatch:\n    inputs:\n      level:\n        type: choice\n        options: [debug, info, info]\n        default: warn\n      retries:\n        type: number\n        default: three\n      fine:\n        type: choice\n        options: [a, b]\n        default: b\n      count:\n        type: number\n        default: 2.5\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n',
        want: ['info', 'warn', 'three'],
      },
      {
        name: 'more than 25 dispatch inputs',
        text: `on:\n  workflow_dispatch:\n    inputs:\n${Array.from({ length: 26 }, (_, i) => `      in${i}: {type: string}\n`).join('')}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n`,
        want: [{ at: '3:5-3:11', token: 'inputs' }],
      },
      {
        name: 'matrix without a strategy',
        text: job('    steps:\n      - run: echo ${{ matrix.node }}\n'),
        want: ['matrix.node'],
      },
      {
        name: 'matrix from an expression is not judged',
        text: job(
          '    strategy:\n      matrix: ${{ fromJSON(vars.m) }}\n    steps:\n      - run: echo ${{ matrix.anything }}\n',
        ),
        want: [],
      },
      {
        name: 'a whole strategy from an expression: matrix keys are unknown, not missing',
        text: 'on: push\njobs:\n  setup:\n    runs-on: ubuntu-latest\n    outputs:\n      strategy: ${{ steps.s.outputs.strategy }}\n    steps:\n      - id: s\n        run: echo "strategy={}" >> "$GITHUB_OUTPUT"\n  test:\n    needs: setup\n    strategy: ${{ fromJson(needs.setup.outputs.strategy) }}\n    name: ${{ matrix.name }}\n    runs-on: ${{ matrix.os }}\n    steps:\n      - run: ${{ matrix.runs.build }}\n',
        want: [],
      },
      {
        name: "expressions where GitHub's schema allows them in place of a mapping or a scalar",
        text: "on: push\nenv: ${{ fromJSON(vars.ENV) }}\njobs:\n  a:\n    runs-on: ${{ fromJSON(vars.RUNNER) }}\n    timeout-minutes: ${{ fromJSON(vars.TIMEOUT) }}\n    continue-on-error: ${{ vars.OPTIONAL == '1' }}\n    container: ${{ fromJSON(vars.CONTAINER) }}\n    services: ${{ fromJSON(vars.SERVICES) }}\n    environment: ${{ fromJSON(vars.ENVIRONMENT) }}\n    concurrency: ${{ fromJSON(vars.CONCURRENCY) }}\n    env: ${{ fromJSON(vars.JOB_ENV) }}\n    strategy:\n      fail-fast: false\n      matrix:\n        include: ${{ fromJSON(vars.INCLUDE) }}\n    steps:\n      - uses: actions/checkout@v4\n        with: ${{ fromJSON(vars.CHECKOUT) }}\n      - run: echo ${{ matrix.anything }}\n        env: ${{ fromJSON(vars.STEP_ENV) }}\n        timeout-minutes: ${{ fromJSON(vars.STEP_TIMEOUT) }}\n",
        want: [],
      },
      {
        name: 'a matrix whose key values come from an expression still has only those keys',
        text: job(
          '    strategy:\n      matrix:\n        os: ${{ fromJSON(vars.os) }}\n    steps:\n      - run: echo ${{ matrix.os }} ${{ matrix.name }}\n',
        ),
        want: ['matrix.name'],
      },
      {
        name: "job outputs as one expression: GitHub's schema has no expression there",
        text: job('    outputs: ${{ fromJSON(vars.o) }}\n    steps:\n      - run: echo\n'),
        // one error, the type error, not three on the same token
        want: ['${{ fromJSON(vars.o) }}'],
      },
      {
        name: 'cron: invalid and too frequent',
        text: "on:\n  schedule:\n    - cron: '*/2 * * * *'\n    - cron: '0 25 * * *'\n    - cron: '*/5 * * * *'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n",
        want: ["'*/2 * * * *'", "'0 25 * * *'"],
      },
      {
        name: 'a valid workflow',
        text: job(
          '    timeout-minutes: 10\n    steps:\n      - id: v\n        run: echo "v=1" >> "$GITHUB_OUTPUT"\n      - if: steps.v.outputs.v == \'1\' && github.event_name == \'push\'\n        run: echo ${{ steps.v.outputs.v }}\n',
        ),
        want: [],
      },
      {
        name: 'action.yml metadata: missing runs, unknown key',
        path: '/repo/action.yml',
        text: 'name: a\ndescription: d\nbranding:\n  colour: red\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ steps.nope.outputs.x }}\n      shell: bash\n',
        want: ['colour', 'steps.nope.outputs.x'],
      },
      {
        name: 'action.yml without description: the runner does not need one',
        path: '/repo/action.yml',
        text: 'name: a\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n',
        want: [],
      },
      {
        name: 'action.yml without name is still refused',
        path: '/repo/action.yml',
        text: 'description: d\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n',
        want: [
          {
            at: '1:1-6:18',
            token: 'description: d\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash',
          },
        ],
      },
      {
        name: 'valid action.yml',
        path: '/repo/action.yml',
        text: 'name: a\ndescription: d\ninputs:\n  who:\n    description: who\nruns:\n  using: node20\n  main: index.js\n',
        want: [],
      },
    ],
    test,
  );

  test('unknown and repeated needs say what is wrong', () => {
    const text =
      'on: push\njobs:\n  foo:\n    needs: [bar, BAR]\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n  bar:\n    needs: [fo]\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n';
    const messages = lint('/repo/.github/workflows/ci.yml', text)
      .filter((f) => f.ruleId === 'github-actions/syntax')
      .map((f) => f.message);
    assert.deepEqual(messages, [
      "Job 'BAR' is listed twice in the needs of 'foo' (job ids are compared without case).",
      "Job 'bar' needs job 'fo', which does not exist in this workflow: did you mean 'foo'?",
    ]);
  });
});
