import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/absolute-workdir', () => {
  checkCases(
    'dockerfile/absolute-workdir',
    '/repo/Dockerfile',
    [
      { name: 'relative', text: 'FROM alpine:3.20\nWORKDIR app\n', want: [{ at: '2:9-2:12', token: 'app' }] },
      { name: 'dot relative', text: 'FROM alpine:3.20\nWORKDIR ./src\n', want: ['./src'] },
      { name: 'absolute', text: 'FROM alpine:3.20\nWORKDIR /app\n', want: [] },
      { name: 'variable', text: 'FROM alpine:3.20\nWORKDIR $HOME/app\n', want: [] },
      { name: 'quoted absolute', text: 'FROM alpine:3.20\nWORKDIR "/my app"\n', want: [] },
      {
        name: 'quoted Windows drive root',
        text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR "C:\\"\nWORKDIR \'D:\\\'\n',
        want: [],
      },
      { name: 'quoted relative', text: 'FROM alpine:3.20\nWORKDIR "my app"\n', want: ['"my app"'] },
      {
        name: 'Windows path with escape directive',
        text: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n',
        want: [],
      },
    ],
    test,
  );
});
