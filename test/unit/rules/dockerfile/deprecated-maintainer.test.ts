import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/deprecated-maintainer', () => {
  checkCases(
    'dockerfile/deprecated-maintainer',
    '/repo/Dockerfile',
    [
      {
        name: 'MAINTAINER',
        text: 'FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>\n',
        want: [{ at: '2:1-2:11', token: 'MAINTAINER' }],
      },
      {
        name: 'LABEL',
        text: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane@example.com"\n',
        want: [],
      },
    ],
    test,
  );
});
