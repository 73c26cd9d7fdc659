import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/reserved-stage-name', () => {
  checkCases(
    'dockerfile/reserved-stage-name',
    '/repo/Dockerfile',
    [
      { name: 'scratch', text: 'FROM alpine:3.20 AS scratch\n', want: [{ at: '1:21-1:28', token: 'scratch' }] },
      { name: 'context, any case', text: 'FROM alpine:3.20 as Context\n', want: ['Context'] },
      { name: 'ordinary name', text: 'FROM alpine:3.20 AS scratchpad\n', want: [] },
      { name: 'FROM scratch itself', text: 'FROM scratch\nCOPY app /app\n', want: [] },
    ],
    test,
  );
});
