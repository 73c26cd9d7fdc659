import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const jobs = (body: string) => `on: push\njobs:\n  a:\n${body}    steps:\n      - run: make\n`;

describe('github-actions/syntax: values left empty', () => {
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'runs-on with nothing after it',
        text: jobs('    runs-on:\n'),
        want: [{ at: '4:5-4:12', token: 'runs-on' }],
      },
      { name: 'runs-on as an empty string', text: jobs("    runs-on: ''\n"), want: ['runs-on'] },
      { name: 'an empty label among others', text: jobs("    runs-on: [linux, '']\n"), want: ["''"] },
      { name: 'an empty runner group', text: jobs("    runs-on:\n      group: ''\n"), want: ['group'] },
      { name: 'needs with no job', text: jobs('    runs-on: ubuntu-latest\n    needs: []\n'), want: ['needs'] },
      {
        name: 'a container image and port left empty',
        text: jobs("    runs-on: ubuntu-latest\n    container:\n      image: ''\n      ports: ['']\n"),
        want: ['image', "''"],
      },
      {
        name: 'an empty matrix row, but empty include/exclude keywords are only useless',
        text: jobs('    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        os: []\n        include: []\n'),
        want: ['os'],
      },
      {
        name: 'filters and types that match nothing',
        text: 'on:\n  push:\n    branches: []\n  pull_request:\n    types: []\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
        want: ['branches', 'types'],
      },
      {
        name: 'a reusable workflow output without a value',
        text: 'on:\n  workflow_call:\n    outputs:\n      tag:\n        description: the tag\n        value:\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
        want: ['value'],
      },
      {
        name: 'deliberate nones: permissions {}, container null, empty env values and inputs',
        text: jobs(
          "    runs-on: ubuntu-latest\n    permissions: {}\n    container: null\n    env:\n      EMPTY: ''\n",
        ).replace('- run: make', "- uses: actions/checkout@v4\n        with:\n          ref: ''"),
        want: [],
      },
      {
        name: 'an expression is a value',
        text: jobs(
          '    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: ${{ fromJSON(vars.OSES) }}\n',
        ),
        want: [],
      },
    ],
    test,
  );
});

describe('github-actions/syntax: environment variable names', () => {
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'names with = or a space',
        text: 'on: push\nenv:\n  A=B: x\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        env:\n          MY VAR: y\n',
        want: [
          { at: '3:3-3:6', token: 'A=B' },
          { at: '10:11-10:17', token: 'MY VAR' },
        ],
      },
      {
        name: 'ordinary names, lower case and dashes included',
        text: 'on: push\nenv:\n  NODE_OPTIONS: x\n  npm_config_cache: y\n  my-var: z\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
        want: [],
      },
    ],
    test,
  );
});

describe('github-actions/syntax: numbers and anchors', () => {
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'timeouts and max-parallel that are not above zero, a fractional max-parallel',
        text: jobs('    runs-on: ubuntu-latest\n    timeout-minutes: 0\n    strategy:\n      max-parallel: 1.5\n'),
        want: [
          { at: '5:22-5:23', token: '0' },
          { at: '7:21-7:24', token: '1.5' },
        ],
      },
      {
        name: 'fractional timeouts and expressions are fine',
        text: jobs(
          '    runs-on: ubuntu-latest\n    timeout-minutes: 0.5\n    strategy:\n      max-parallel: ${{ vars.N }}\n',
        ),
        want: [],
      },
      {
        name: 'an anchor no alias uses, and one shadowed by a second definition',
        text: 'on: push\nenv: &unused\n  A: b\njobs:\n  a:\n    runs-on: &os ubuntu-latest\n    env:\n      OS: *os\n    steps:\n      - run: make\n        env: &e\n          X: y\n      - run: make\n        env: &e\n          X: z\n      - run: make\n        env: *e\n',
        want: [
          { at: '2:6-2:13', token: '&unused', severity: 'warning' },
          { at: '11:14-11:16', token: '&e', severity: 'warning' },
        ],
      },
      {
        name: 'an alias inside the value its anchor marks, in a mapping and as a step',
        text: 'on: push\njobs:\n  a: &job\n    runs-on: ubuntu-latest\n    steps:\n      - &step\n        run: make\n        env: *step\n      - *job\n',
        want: [
          { at: '8:14-8:19', token: '*step' },
          { at: '9:9-9:13', token: '*job' },
        ],
      },
      {
        name: 'an alias to an anchor beside it, not around it',
        text: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - &step\n        run: make\n      - *step\n',
        want: [],
      },
    ],
    test,
  );
});

describe('github-actions/syntax: format() and fromJSON() of literals', () => {
  const run = (script: string) => jobs('    runs-on: ubuntu-latest\n').replace('run: make', `run: ${script}`);
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'a placeholder without an argument',
        text: run("echo ${{ format('{0}-{1}', github.ref) }}"),
        want: [{ at: '6:19-6:55', token: "${{ format('{0}-{1}', github.ref) }}" }],
      },
      {
        name: 'an argument without a placeholder',
        text: run("echo ${{ format('{0}', github.ref, github.sha) }}"),
        want: [{ at: '6:19-6:63', token: "${{ format('{0}', github.ref, github.sha) }}", severity: 'warning' }],
      },
      {
        name: 'escaped braces, nested calls and commas inside strings',
        text: run("echo ${{ format('{{0}} {0}, {1}', join(fromJSON('[\"a\",\"b\"]'), ', '), 'x,y') }}"),
        want: [],
      },
      {
        name: 'broken JSON in fromJSON, also in a bare if:',
        text: jobs('    runs-on: ubuntu-latest\n    if: contains(fromJSON(\'["main"\'), github.ref_name)\n'),
        want: ['contains(fromJSON(\'["main"\'), github.ref_name)'],
      },
      {
        // The text shows no call here: the check must still read the value (issue 16's shortcut).
        name: 'a call spelled with a YAML escape',
        text: run('"echo ${{ \\u0066ormat(\'{0}-{1}\', github.ref) }}"'),
        want: ['"echo ${{ \\u0066ormat(\'{0}-{1}\', github.ref) }}"'],
      },
      {
        name: 'fromJSON of something read at run time',
        text: run('echo ${{ fromJSON(env.MATRIX).tags }}'),
        want: [],
      },
    ],
    test,
  );
});

describe('github-actions/syntax: uses: formats', () => {
  const uses = (value: string) =>
    `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${value}\n`;
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      { name: 'no ref', text: uses('actions/checkout'), want: [{ at: '6:15-6:31', token: 'actions/checkout' }] },
      { name: 'no owner', text: uses('checkout@v4'), want: ['checkout@v4'] },
      { name: 'a local path without ./', text: uses('.github/actions/build'), want: ['.github/actions/build'] },
      { name: 'a Docker image with an empty tag', text: uses("'docker://alpine:'"), want: ['docker://alpine:'] },
      {
        name: 'valid forms',
        text: uses(
          'actions/checkout@v4\n      - uses: github/codeql-action/init@v3\n      - uses: ./.github/actions/build\n      - uses: $/.github/actions/build\n      - uses: docker://alpine:3.19\n      - uses: docker://alpine',
        ),
        want: [],
      },
    ],
    test,
  );
});

describe('github-actions/syntax: inputs the workflow does not declare', () => {
  const steps = (script: string) => `jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${script}\n`;
  const dispatch = 'on:\n  workflow_dispatch:\n    inputs:\n      Target:\n        type: string\n';
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'a misspelt input, through inputs and github.event.inputs',
        text: dispatch + steps('echo ${{ inputs.targte }} ${{ github.event.inputs.targte }}'),
        want: ['inputs.targte', 'github.event.inputs.targte'],
      },
      {
        name: 'declared inputs in any case, object filters, inputs of workflow_call beside workflow_dispatch',
        text:
          dispatch +
          '  workflow_call:\n    inputs:\n      level:\n        type: number\n' +
          steps(
            'echo ${{ inputs.target }} ${{ inputs.LEVEL }} ${{ toJSON(inputs.*) }} ${{ github.event.inputs.other }}',
          ),
        want: [],
      },
      {
        name: 'a workflow with no trigger that has inputs',
        text: 'on: push\n' + steps('echo ${{ inputs.name }}'),
        want: ['inputs.name'],
      },
      {
        name: 'a reusable workflow with no inputs reads the caller event, whose inputs are unknown',
        text: 'on: workflow_call\n' + steps('echo ${{ github.event.inputs.name }}'),
        want: [],
      },
      {
        name: 'inputs given by an expression: GitHub refuses that, and no reference is called undeclared',
        text: 'on:\n  workflow_call:\n    inputs: ${{ fromJSON(vars.INPUTS) }}\n' + steps('echo ${{ inputs.name }}'),
        want: ['${{ fromJSON(vars.INPUTS) }}'],
      },
    ],
    test,
  );
});

describe('github-actions/syntax: local actions the runner cannot start', () => {
  const uses = (path: string) =>
    `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${path}\n`;
  const action = (using: string) => `name: x\ndescription: x\nruns:\n  using: ${using}\n  main: dist/index.js\n`;
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'a runtime the runner does not have',
        text: uses('./.github/actions/build'),
        want: [{ at: '6:15-6:38', token: './.github/actions/build' }],
        options: { files: { '/repo/.github/actions/build/action.yml': action("'node14'") } },
      },
      {
        name: 'node16 still starts; a main file built by an earlier step is not looked for',
        text: uses('./.github/actions/build'),
        want: [],
        options: { files: { '/repo/.github/actions/build/action.yml': action('node16') } },
      },
    ],
    test,
  );
});

describe('github-actions/syntax: needs.<job> a job cannot read', () => {
  const workflow = (build: string) =>
    `on: push\njobs:\n  setup:\n    runs-on: ubuntu-latest\n    outputs:\n      Version: \${{ steps.v.outputs.v }}\n    steps:\n      - id: v\n        run: echo v=1 >> "$GITHUB_OUTPUT"\n  call:\n    uses: ./.github/workflows/reusable.yml\n  build:\n    runs-on: ubuntu-latest\n${build}    steps:\n      - run: echo \${{ needs.setup.outputs.version }} \${{ needs.setup.outputs.versoin }} \${{ needs.call.outputs.any }} \${{ needs.other.result }}\n`;
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'a job not in needs, an output the needed job does not declare',
        text: workflow('    needs: [setup, call]\n'),
        want: ['needs.setup.outputs.versoin', 'needs.other.result'],
      },
      {
        name: 'no needs at all: every needs.<job> is empty',
        text: workflow(''),
        want: [
          'needs.setup.outputs.version',
          'needs.setup.outputs.versoin',
          'needs.call.outputs.any',
          'needs.other.result',
        ],
      },
    ],
    test,
  );
});

describe('github-actions/syntax: objects written into text', () => {
  const steps = (body: string) =>
    `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - id: cache\n        run: echo\n${body}`;
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/ci.yml',
    [
      {
        name: 'a context, a step record, a filter and null inside text',
        text: steps(
          "      - run: echo '${{ github.event }} ${{ steps.cache.outputs }} ${{ github.event.commits.*.id }} ${{ null }}'\n",
        ),
        want: [
          { at: '8:20-8:39', token: '${{ github.event }}', severity: 'warning' },
          { at: '8:40-8:66', token: '${{ steps.cache.outputs }}', severity: 'warning' },
          { at: '8:67-8:99', token: '${{ github.event.commits.*.id }}', severity: 'warning' },
          { at: '8:100-8:111', token: '${{ null }}', severity: 'warning' },
        ],
      },
      {
        name: 'toJSON of an object, a property, a whole value that passes the object on, an if:',
        text: steps(
          "      - run: echo '${{ toJSON(github.event) }} ${{ github.event.number }} ${{ join(github.event.commits.*.id, ',') }}'\n        env: ${{ vars }}\n        if: ${{ github.event }}\n      - uses: actions/github-script@v7\n        with:\n          script: console.log(1)\n          github-token: ${{ steps.cache.outputs }}\n",
        ),
        want: [],
      },
    ],
    test,
  );
});

describe("github-actions/syntax: a reusable workflow's outputs read its jobs' outputs", () => {
  const workflow = (value: string) =>
    `on:\n  workflow_call:\n    outputs:\n      tag:\n        value: ${value}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    outputs:\n      image_tag: \${{ steps.t.outputs.tag }}\n    steps:\n      - id: t\n        run: echo tag=1 >> "$GITHUB_OUTPUT"\n`;
  checkCases(
    'github-actions/syntax',
    '/repo/.github/workflows/reusable.yml',
    [
      {
        name: 'an output the job does not declare, a job that does not exist',
        text: workflow('${{ jobs.build.outputs.imagetag }}-${{ jobs.test.outputs.x }}'),
        want: ['jobs.build.outputs.imagetag', 'jobs.test.outputs.x'],
      },
      {
        name: 'a declared output, in another case',
        text: workflow('${{ jobs.Build.outputs.IMAGE_TAG }}'),
        want: [],
      },
    ],
    test,
  );
});
