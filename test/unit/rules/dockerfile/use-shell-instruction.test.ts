import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const run = (script: string) => `FROM debian:12\nRUN ${script}\n`;

describe('dockerfile/use-shell-instruction', () => {
  checkCases(
    'dockerfile/use-shell-instruction',
    '/repo/Dockerfile',
    [
      {
        name: 'ln -sf bash over sh',
        text: run('ln -sf /bin/bash /bin/sh'),
        want: [{ at: '2:22-2:29', token: '/bin/sh' }],
      },
      { name: 'ln -s without -f', text: run('rm /bin/sh && ln -s /bin/bash /bin/sh'), want: ['/bin/sh'] },
      { name: 'linking sh elsewhere', text: run('ln -s /bin/sh /usr/local/bin/sh'), want: [] },
      { name: 'other links', text: run('ln -s /usr/bin/python3 /usr/bin/python'), want: [] },
      { name: 'SHELL instruction', text: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo hi\n', want: [] },
    ],
    test,
  );
});
