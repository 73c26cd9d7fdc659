import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/casing', () => {
  checkCases(
    'dockerfile/casing',
    '/repo/Dockerfile',
    [
      {
        name: 'lower-case keyword among upper',
        text: 'FROM alpine:3.20\nrun echo hi\nCMD ["sh"]\n',
        want: [{ at: '2:1-2:4', token: 'run' }],
      },
      { name: 'FROM with lower as', text: 'FROM alpine:3.20 as build\n', want: ['as'] },
      { name: 'mixed-case stage name', text: 'FROM alpine:3.20 AS Build\n', want: ['Build'] },
      { name: 'all lower case is consistent', text: 'from alpine:3.20 as build\nrun echo hi\n', want: [] },
      { name: 'all upper case', text: 'FROM alpine:3.20 AS build\nRUN echo hi\n', want: [] },
    ],
    test,
  );
});
