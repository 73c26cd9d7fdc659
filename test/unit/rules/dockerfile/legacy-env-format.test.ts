import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/legacy-env-format', () => {
  checkCases(
    'dockerfile/legacy-env-format',
    '/repo/Dockerfile',
    [
      {
        name: 'ENV key value',
        text: 'FROM alpine:3.20\nENV NODE_ENV production\n',
        want: [{ at: '2:5-2:24', token: 'NODE_ENV production' }],
      },
      { name: 'ENV key=value', text: 'FROM alpine:3.20\nENV NODE_ENV=production\n', want: [] },
      { name: 'several pairs', text: 'FROM alpine:3.20\nENV A=1 B=2\n', want: [] },
    ],
    test,
  );
});
