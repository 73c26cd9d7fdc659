import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const env = (line: string, before = '') => `FROM debian:12\n${before}${line}\n`;

describe('dockerfile/env-same-statement', () => {
  checkCases(
    'dockerfile/env-same-statement',
    '/repo/Dockerfile',
    [
      {
        name: 'braces',
        text: env('ENV GOPATH=/go PATH=${GOPATH}/bin:$PATH'),
        want: [{ at: '2:21-2:40', token: '${GOPATH}/bin:$PATH' }],
      },
      { name: 'bare', text: env('ENV A=1 B=$A'), want: ['$A'] },
      { name: 'earlier in the value list', text: env('ENV B="$A/x" A=1'), want: ['"$A/x"'] },
      { name: 'separate ENV', text: env('ENV B=$A', 'ENV A=1\n'), want: [] },
      { name: 'own value', text: env('ENV PATH=/opt/bin:$PATH'), want: [] },
      {
        name: 'GOPATH set beside a PATH that spells it out',
        text: env('ENV GOPATH=/go PATH=/go/bin:${PATH} GOOS=linux'),
        want: [],
      },
      { name: 'prefix of a longer name', text: env('ENV A=1 B=$AB ${AB}'), want: [] },
      { name: 'set by an earlier ARG', text: env('ENV VERSION=1 TAG=v$VERSION', 'ARG VERSION\n'), want: [] },
      { name: 'escaped dollar', text: env('ENV A=1 B=\\$A'), want: [] },
      { name: 'legacy form', text: env('ENV A $A'), want: [] },
    ],
    test,
  );
});
