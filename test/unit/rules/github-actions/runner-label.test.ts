import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const runsOn = (value: string) => `on: push\njobs:\n  build:\n    runs-on: ${value}\n    steps:\n      - run: echo\n`;

describe('github-actions/runner-label', () => {
  checkCases(
    'github-actions/runner-label',
    '/repo/.github/workflows/ci.yml',
    [
      { name: 'misspelt label', text: runsOn('ubunty-latest'), want: [{ at: '4:14-4:27', token: 'ubunty-latest' }] },
      { name: 'retired image', text: runsOn('macos-12'), want: ['macos-12'] },
      { name: 'in a list', text: runsOn('[windows-latest, ubuntu-2404]'), want: ['ubuntu-2404'] },
      { name: 'labels of a runs-on mapping', text: runsOn('\n      labels: ubuntu-20.04'), want: ['ubuntu-20.04'] },
      { name: 'known labels', text: runsOn('ubuntu-24.04-arm'), want: [] },
      { name: 'self-hosted runners have their own labels', text: runsOn('[self-hosted, linux, ubuntu-gpu]'), want: [] },
      { name: 'runner group', text: runsOn('\n      group: big\n      labels: ubuntu-custom'), want: [] },
      { name: 'expression', text: runsOn('${{ matrix.os }}'), want: [] },
      { name: 'organisation larger runner name', text: runsOn('linux-16-cores'), want: [] },
      {
        name: 'two hosted images in one list',
        text: runsOn('[ubuntu-latest, windows-latest, ubuntu-latest]'),
        want: [{ at: '4:30-4:44', token: 'windows-latest' }],
      },
      { name: 'a hosted image and another system', text: runsOn('[macos-15, linux]'), want: ['linux'] },
      { name: 'a hosted image with its own system and arch', text: runsOn('[ubuntu-24.04, linux, x64]'), want: [] },
      {
        name: 'two images of one system (ubuntu-latest is one of them)',
        text: runsOn('[ubuntu-latest, ubuntu-24.04]'),
        want: [],
      },
      {
        name: 'matrix values combined with a fixed image: the matrix values',
        text: 'on: push\njobs:\n  t:\n    strategy:\n      matrix:\n        os: [windows-latest, ubuntu-latest, macos]\n    runs-on: [ubuntu-latest, "${{ matrix.os }}"]\n    steps:\n      - run: echo\n',
        want: [
          { at: '6:14-6:28', token: 'windows-latest' },
          { at: '6:45-6:50', token: 'macos' },
        ],
      },
      {
        name: 'a matrix of systems used alone is fine',
        text: 'on: push\njobs:\n  t:\n    strategy:\n      matrix:\n        os: [windows-latest, ubuntu-latest, macos-latest]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - run: echo\n',
        want: [],
      },
      {
        name: 'configured self-hosted label',
        text: runsOn('ubuntu-gpu'),
        want: [],
        options: { settings: { 'github-actions/runner-label': { options: { selfHostedLabels: ['ubuntu-gpu'] } } } },
      },
    ],
    test,
  );
});
