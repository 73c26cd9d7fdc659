import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const job = (runsOn: string, shell: string) =>
  `on: push\njobs:\n  a:\n    runs-on: ${runsOn}\n    steps:\n      - run: echo\n        shell: ${shell}\n`;

describe('github-actions/shell-name', () => {
  checkCases(
    'github-actions/shell-name',
    '/repo/.github/workflows/ci.yml',
    [
      { name: 'bash on Linux', text: job('ubuntu-latest', 'bash'), want: [] },
      { name: 'a custom shell command', text: job('ubuntu-latest', "'perl {0}'"), want: [] },
      { name: 'bash options with {0}', text: job('ubuntu-latest', "'bash -euo pipefail {0}'"), want: [] },
      { name: 'PowerShell on Windows, any case', text: job('windows-2022', 'PowerShell'), want: [] },
      {
        name: 'a shell GitHub does not know',
        text: job('ubuntu-latest', 'dash'),
        want: [{ at: '7:16-7:20', token: 'dash' }],
      },
      { name: 'powershell on Linux', text: job('ubuntu-latest', 'powershell'), want: ['powershell'] },
      { name: 'sh on Windows', text: job('windows-latest', 'sh'), want: ['sh'] },
      { name: 'cmd on a self-hosted runner of unknown system', text: job('[self-hosted, gpu]', 'cmd'), want: [] },
      { name: 'a runner from an expression', text: job('${{ matrix.os }}', 'powershell'), want: [] },
      {
        name: 'job and workflow defaults',
        text: 'on: push\ndefaults:\n  run:\n    shell: fish\njobs:\n  a:\n    runs-on: macos-latest\n    defaults:\n      run:\n        shell: cmd\n    steps:\n      - run: echo\n',
        want: ['fish', 'cmd'],
      },
    ],
    test,
  );
});
