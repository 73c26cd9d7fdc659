import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const runsOn = (value: string) => `on: push\njobs:\n  build:\n    runs-on: ${value}\n    steps:\n      - run: echo\n`;

describe('github-actions/runner-label', () => {
  checkCases('github-actions/runner-label', '/repo/.github/workflows/ci.yml', [
    { name: 'misspelt label', text: runsOn('ubunty-latest'), want: [{ at: '4:14-4:27', token: 'ubunty-latest' }] },
    { name: 'retired image', text: runsOn('macos-12'), want: ['macos-12'] },
    { name: 'in a list', text: runsOn('[windows-latest, ubuntu-2404]'), want: ['ubuntu-2404'] },
    { name: 'labels of a runs-on mapping', text: runsOn('\n      labels: ubuntu-20.04'), want: ['ubuntu-20.04'] },
    { name: 'known labels', text: runsOn('ubuntu-24.04-arm'), want: [] },
    { name: 'self-hosted runners have their own labels', text: runsOn('[self-hosted, linux, ubuntu-gpu]'), want: [] },
    { name: 'runner group', text: runsOn('\n      group: big\n      labels: ubuntu-custom'), want: [] },
    { name: 'expression', text: runsOn('${{ matrix.os }}'), want: [] },
    { name: 'organisation larger runner name', text: runsOn('linux-16-cores'), want: [] },
    { name: 'configured self-hosted label', text: runsOn('ubuntu-gpu'), want: [], options: { settings: { 'github-actions/runner-label': { options: { selfHostedLabels: ['ubuntu-gpu'] } } } } },
  ], test);
});
