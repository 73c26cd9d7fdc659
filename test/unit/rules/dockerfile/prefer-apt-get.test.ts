import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const run = (script: string) => `FROM debian:12\nRUN ${script}\n`;

describe('dockerfile/prefer-apt-get', () => {
  checkCases(
    'dockerfile/prefer-apt-get',
    '/repo/Dockerfile',
    [
      {
        name: 'apt install',
        text: run('apt update && apt install -y curl'),
        want: [
          { at: '2:5-2:8', token: 'apt' },
          { at: '2:19-2:22', token: 'apt' },
        ],
      },
      { name: 'apt search too', text: run('apt search curl'), want: ['apt'] },
      { name: 'apt-get', text: run('apt-get update && apt-get install -y curl'), want: [] },
      {
        name: 'apt-cache and apt-key are other programs',
        text: run('apt-cache policy curl && apt-key list'),
        want: [],
      },
      { name: 'apt as an argument', text: run('rm -rf /var/lib/apt/lists/* && echo apt'), want: [] },
    ],
    test,
  );
});
