import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const run = (script: string) => `FROM opensuse/leap:15.6\nRUN ${script}\n`;

describe('dockerfile/no-dist-upgrade', () => {
  checkCases(
    'dockerfile/no-dist-upgrade',
    '/repo/Dockerfile',
    [
      { name: 'dist-upgrade', text: run('zypper dist-upgrade'), want: [{ at: '2:12-2:24', token: 'dist-upgrade' }] },
      { name: 'dup with options', text: run('zypper --non-interactive dup --no-recommends'), want: ['dup'] },
      { name: 'update', text: run('zypper -n update && zypper -n patch'), want: [] },
      { name: 'install a package named dup', text: run('zypper -n install dup'), want: [] },
      { name: 'apt-get dist-upgrade is not zypper', text: run('apt-get dist-upgrade -y'), want: [] },
    ],
    test,
  );
});
