import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/single-cmd', () => {
  checkCases(
    'dockerfile/single-cmd',
    '/repo/Dockerfile',
    [
      { name: 'two CMDs', text: 'FROM alpine:3.20\nCMD ["a"]\nCMD ["b"]\n', want: [{ at: '3:1-3:4', token: 'CMD' }] },
      {
        name: 'two ENTRYPOINTs and two HEALTHCHECKs',
        text: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nHEALTHCHECK CMD true\nENTRYPOINT ["b"]\nHEALTHCHECK NONE\n',
        want: ['ENTRYPOINT', 'HEALTHCHECK'],
      },
      { name: 'one per stage', text: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\n', want: [] },
      { name: 'CMD and ENTRYPOINT together', text: 'FROM alpine:3.20\nENTRYPOINT ["a"]\nCMD ["--help"]\n', want: [] },
    ],
    test,
  );
});
