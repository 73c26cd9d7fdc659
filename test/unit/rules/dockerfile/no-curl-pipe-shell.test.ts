import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/no-curl-pipe-shell', () => {
  checkCases(
    'dockerfile/no-curl-pipe-shell',
    '/repo/Dockerfile',
    [
      {
        name: 'curl | sh',
        text: 'FROM debian:12\nRUN curl -fsSL https://get.example.sh | sh\n',
        want: [{ at: '2:41-2:43', token: 'sh' }],
      },
      {
        name: 'wget -O- | sudo bash',
        text: 'FROM debian:12\nRUN wget -qO- https://x.example/i.sh | sudo bash -s -- --yes\n',
        want: ['bash'],
      },
      {
        name: 'across a continuation',
        text: 'FROM debian:12\nRUN curl -fsSL https://x.example/i.sh \\\n  | bash\n',
        want: [{ at: '3:5-3:9', token: 'bash' }],
      },
      {
        name: 'sh -c with command substitution',
        text: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://x.example/i.sh)"\n',
        want: ['sh'],
      },
      {
        name: 'curl to a file, check, then run',
        text: 'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://x.example/i.sh && echo "abc  /tmp/i.sh" | sha256sum -c - && sh /tmp/i.sh\n',
        want: [],
      },
      { name: 'curl | tar', text: 'FROM debian:12\nRUN curl -fsSL https://x.example/a.tgz | tar xz\n', want: [] },
      { name: 'text mentioning curl | sh', text: 'FROM debian:12\nRUN echo "curl x | sh"\n', want: [] },
      {
        name: 'interpreter written in capitals',
        text: 'FROM alpine:3.20\nRUN curl -fsSL https://x.sh | BASH\nRUN BASH -c "$(curl -fsSL https://x.sh)"\n',
        want: [
          { at: '2:31-2:35', token: 'BASH' },
          { at: '3:5-3:9', token: 'BASH' },
        ],
      },
    ],
    test,
  );
});
