import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const run = (script: string) => `FROM debian:12\nRUN ${script}\n`;

describe('dockerfile/useradd-high-uid', () => {
  checkCases(
    'dockerfile/useradd-high-uid',
    '/repo/Dockerfile',
    [
      { name: 'high uid', text: run('useradd -u 1000001 app'), want: [{ at: '2:5-2:12', token: 'useradd' }] },
      { name: '--uid=', text: run('useradd --uid=200000 -m app'), want: ['useradd'] },
      { name: 'glued -u', text: run('useradd -u200000 app'), want: ['useradd'] },
      {
        name: 'after groupadd',
        text: run('groupadd -g 200000 app && useradd -g app -u 200000 app'),
        want: ['useradd'],
      },
      { name: '-l', text: run('useradd -l -u 1000001 app'), want: [] },
      { name: '-l in a bundle', text: run('useradd -lm -u 1000001 app'), want: [] },
      { name: '--no-log-init', text: run('useradd --no-log-init -u 1000001 app'), want: [] },
      { name: 'five digits', text: run('useradd -u 65532 app'), want: [] },
      { name: 'variable uid', text: run('useradd -u "$UID" app'), want: [] },
      { name: 'no uid', text: run('useradd -m app'), want: [] },
      { name: 'adduser', text: run('adduser -u 1000001 app'), want: [] },
    ],
    test,
  );
});
