import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/expose-port', () => {
  checkCases(
    'dockerfile/expose-port',
    '/repo/Dockerfile',
    [
      {
        name: 'host:container mapping',
        text: 'FROM alpine:3.20\nEXPOSE 80:80\n',
        want: [{ at: '2:8-2:13', token: '80:80' }],
      },
      { name: 'out of range', text: 'FROM alpine:3.20\nEXPOSE 8080 70000/tcp\n', want: ['70000/tcp'] },
      { name: 'not a number', text: 'FROM alpine:3.20\nEXPOSE http\n', want: ['http'] },
      { name: 'inverted range', text: 'FROM alpine:3.20\nEXPOSE 9000-8000\n', want: ['9000-8000'] },
      {
        name: 'valid forms',
        text: 'FROM alpine:3.20\nEXPOSE 80 443/tcp 53/udp 8000-8010 $PORT ${METRICS_PORT}\n',
        want: [],
      },
    ],
    test,
  );
});
