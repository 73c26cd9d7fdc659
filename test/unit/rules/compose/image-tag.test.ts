import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('compose/image-tag', () => {
  checkCases(
    'compose/image-tag',
    '/app/docker-compose.yml',
    [
      {
        name: 'latest and untagged',
        text: 'services:\n  web:\n    image: nginx:latest\n  db:\n    image: "postgres"\n',
        want: [
          { at: '3:12-3:24', token: 'nginx:latest' },
          { at: '5:12-5:22', token: '"postgres"' },
        ],
      },
      {
        name: 'tagged, digests and variables',
        text: 'services:\n  a:\n    image: nginx:1.27\n  b:\n    image: redis@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  c:\n    image: ${REGISTRY}/app\n  d:\n    image: app:${TAG:-latest}\n',
        want: [],
      },
      {
        name: 'image names what build: produces',
        text: 'services:\n  app:\n    build: .\n    image: myapp\n',
        want: [],
      },
      {
        name: 'look-alike: an environment variable called image',
        text: 'services:\n  a:\n    image: nginx:1\n    environment:\n      image: nginx\n',
        want: [],
      },
    ],
    test,
  );
});
