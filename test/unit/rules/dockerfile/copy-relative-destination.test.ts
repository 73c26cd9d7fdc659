import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/copy-relative-destination', () => {
  checkCases(
    'dockerfile/copy-relative-destination',
    '/repo/Dockerfile',
    [
      { name: 'no WORKDIR', text: 'FROM debian:12\nCOPY . app\n', want: [{ at: '2:8-2:11', token: 'app' }] },
      { name: 'dot', text: 'FROM debian:12\nCOPY . .\n', want: ['.'] },
      { name: 'WORKDIR after the COPY', text: 'FROM debian:12\nCOPY . .\nWORKDIR /srv\n', want: ['.'] },
      { name: 'WORKDIR before', text: 'FROM debian:12\nWORKDIR /srv\nCOPY . .\n', want: [] },
      { name: 'absolute', text: 'FROM debian:12\nCOPY . /srv/\n', want: [] },
      { name: 'variable', text: 'FROM debian:12\nCOPY . ${APP_HOME}\n', want: [] },
      {
        name: 'Windows drive',
        text: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app C:\\app\n',
        want: [],
      },
      {
        name: 'WORKDIR in the stage it builds on',
        text: 'FROM debian:12 AS base\nWORKDIR /srv\nFROM base\nCOPY . .\n',
        want: [],
      },
      {
        name: 'WORKDIR in an unrelated stage',
        text: 'FROM debian:12 AS base\nWORKDIR /srv\nFROM debian:12\nCOPY . .\n',
        want: ['.'],
      },
      { name: 'ADD is another rule’s business', text: 'FROM debian:12\nADD app.tar.gz app\n', want: [] },
    ],
    test,
  );
});
