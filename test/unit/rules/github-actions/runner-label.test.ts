import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const matrixJob = (matrix: string, runsOnValue: string) =>
  `on: push\njobs:\n  t:\n    strategy:\n      matrix:\n${matrix}    runs-on: ${runsOnValue}\n    steps:\n      - run: echo\n`;
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
      { name: 'newer hosted images', text: runsOn('[macos-26-intel]'), want: [] },
      { name: 'larger-runner names from GitHub docs', text: runsOn('ubuntu-latest-8-cores'), want: [] },
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
      { name: 'a hosted label with its system misnamed', text: runsOn('linux-latest'), want: ['linux-latest'] },
      { name: 'another system word, any version', text: runsOn('[win-2022]'), want: ['win-2022'] },
      { name: 'a system word that makes no hosted label', text: runsOn('linux-latest-16-cores'), want: [] },
      {
        name: 'matrix values used as runs-on are judged where they are written (list and include rows)',
        text: matrixJob(
          '        os: [macos-latest, osx-latest, gpu]\n        include:\n          - os: ubunty-24.04\n',
          '${{ matrix.os }}',
        ),
        want: [
          { at: '6:28-6:38', token: 'osx-latest' },
          { at: '8:17-8:29', token: 'ubunty-24.04' },
        ],
      },
      {
        name: 'a matrix row that is a list of labels; self-hosted rows are skipped',
        text: matrixJob(
          '        runner:\n          - [ubuntu-24.04, x64]\n          - [self-hosted, ubuntu-gpu]\n          - [macos-12]\n',
          '${{ matrix.runner }}',
        ),
        want: ['macos-12'],
      },
      {
        name: 'a matrix computed by an expression is not judged',
        text: 'on: push\njobs:\n  t:\n    strategy:\n      matrix: ${{ fromJSON(needs.a.outputs.m) }}\n    runs-on: ${{ matrix.os }}\n    steps:\n      - run: echo\n',
        want: [],
      },
      {
        name: 'matrix values with self-hosted beside them in runs-on',
        text: matrixJob('        os: [linux-latest]\n', '[self-hosted, "${{ matrix.os }}"]'),
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
