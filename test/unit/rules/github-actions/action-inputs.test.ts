import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const localAction =
  'name: setup\ninputs:\n  version:\n    required: true\n  token:\n    required: true\n    default: ${{ github.token }}\n  level:\n    required: false\nruns:\n  using: composite\n  steps: []\n';

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
      {
        name: "a local action's own inputs: an unknown one, and a required one without a default left out",
        text: steps(
          '      - uses: ./.github/actions/setup\n        with:\n          versoin: 3\n      - uses: ./.github/actions/setup/\n        with:\n          version: 3\n          token: x\n',
        ),
        want: ['./.github/actions/setup', 'versoin'],
        options: { files: { '/repo/.github/actions/setup/action.yaml': localAction } },
      },
      {
        name: 'a local action whose metadata is not in the workspace, or a root action.yml with no inputs',
        text: steps('      - uses: ./.github/actions/other\n        with:\n          x: 1\n      - uses: ./\n'),
        want: [],
        options: { files: { '/repo/action.yml': 'name: x\nruns:\n  using: node20\n  main: index.js\n' } },
      },
      {
        name: 'deprecated inputs of popular actions, with what replaces them',
        text: steps(
          '      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          packages_dir: out/\n          verbose: true\n      - uses: docker/setup-buildx-action@v3\n        with:\n          install: true\n      - uses: actions/cache@v4\n        with:\n          path: x\n          key: y\n          save-always: true\n',
        ),
        want: [
          { at: '8:11-8:23', token: 'packages_dir' },
          { at: '12:11-12:18', token: 'install' },
          { at: '17:11-17:22', token: 'save-always' },
        ],
      },
      {
        name: 'a deprecated input is judged only in the majors that deprecate it',
        text: steps(
          '      - uses: reviewdog/action-hadolint@v2\n        with:\n          fail_on_error: true\n      - uses: reviewdog/action-hadolint@0123456789abcdef0123456789abcdef01234567\n        with:\n          fail_on_error: true\n      - uses: reviewdog/action-hadolint@v1.2.3\n        with:\n          fail_level: error\n',
        ),
        want: [],
      },
      {
        name: 'entrypoint and args on an action that does not run a container',
        text: steps(
          '      - uses: rhysd/action-setup-vim@v1\n        with:\n          neovim: true\n          args: --x\n',
        ),
        want: ['args'],
      },
      {
        name: 'entrypoint and args are inputs of every Docker container action',
        text: steps(
          '      - uses: ./.github/actions/box\n        with:\n          entrypoint: /bin/sh\n          args: -c true\n          who: me\n',
        ),
        want: [{ at: '10:11-10:14', token: 'who' }],
        options: {
          files: {
            '/repo/.github/actions/box/action.yml': 'name: box\nruns:\n  using: Docker\n  image: Dockerfile\n',
          },
        },
      },
    ],
    test,
  );
});
