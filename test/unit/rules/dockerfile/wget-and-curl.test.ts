import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/wget-and-curl', () => {
  checkCases(
    'dockerfile/wget-and-curl',
    '/repo/Dockerfile',
    [
      {
        name: 'both in one stage',
        text: 'FROM debian:12\nRUN wget -q https://e/a\nRUN curl -fsSLO https://e/b\n',
        want: [{ at: '3:5-3:9', token: 'curl' }],
      },
      {
        name: 'later uses of either are reported too',
        text: 'FROM debian:12\nRUN curl -fsSLO https://e/a && wget -q https://e/b && curl -fsSLO https://e/c\n',
        want: ['wget', 'curl'],
      },
      {
        name: 'one tool only',
        text: 'FROM debian:12\nRUN curl -fsSLO https://e/a && curl -fsSLO https://e/b\n',
        want: [],
      },
      {
        name: 'different stages',
        text: 'FROM debian:12 AS fetch\nRUN wget -q https://e/a\nFROM debian:12\nRUN curl -fsSLO https://e/b\n',
        want: [],
      },
      {
        name: 'installing both is not using them',
        text: 'FROM debian:12\nRUN apt-get install -y curl wget\n',
        want: [],
      },
    ],
    test,
  );
});
