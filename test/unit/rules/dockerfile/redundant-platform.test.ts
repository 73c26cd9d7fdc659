import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/redundant-platform', () => {
  checkCases(
    'dockerfile/redundant-platform',
    '/repo/Dockerfile',
    [
      {
        name: '$TARGETPLATFORM',
        text: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n',
        want: [{ at: '1:6-1:32', token: '--platform=$TARGETPLATFORM' }],
      },
      {
        name: 'braces',
        text: 'FROM --platform=${TARGETPLATFORM} alpine:3.20\n',
        want: ['--platform=${TARGETPLATFORM}'],
      },
      { name: 'build platform', text: 'FROM --platform=$BUILDPLATFORM alpine:3.20\n', want: [] },
      { name: 'other variable', text: 'FROM --platform=$TARGETPLATFORM_X alpine:3.20\n', want: [] },
      { name: 'no flag', text: 'FROM alpine:3.20\n', want: [] },
    ],
    test,
  );
});
