import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const run = (script: string) => `FROM debian:12\nRUN ${script}\n`;

describe('dockerfile/wget-progress', () => {
  checkCases(
    'dockerfile/wget-progress',
    '/repo/Dockerfile',
    [
      { name: 'plain wget', text: run('wget https://example.com/a.tar.gz'), want: [{ at: '2:5-2:9', token: 'wget' }] },
      {
        name: 'wget -O file still shows progress',
        text: run('wget -O a.tgz https://example.com/a.tgz'),
        want: ['wget'],
      },
      { name: '--progress', text: run('wget --progress=dot:giga https://example.com/a'), want: [] },
      {
        name: '-q, -qO-, --quiet',
        text: run('wget -q https://e/a && wget -qO- https://e/b && wget --quiet https://e/c'),
        want: [],
      },
      { name: '-nv and --no-verbose', text: run('wget -nv https://e/a && wget --no-verbose https://e/b'), want: [] },
      { name: 'log to a file', text: run('wget -o /tmp/log https://e/a && wget -a /tmp/log https://e/b'), want: [] },
      { name: 'curl is not wget', text: run('curl -fsSLO https://e/a'), want: [] },
    ],
    test,
  );
});
