import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('compose/privileged', () => {
  checkCases(
    'compose/privileged',
    '/app/compose.yaml',
    [
      {
        name: 'privileged, host network, docker socket',
        text: 'services:\n  agent:\n    image: a:1\n    privileged: true\n    network_mode: host\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n',
        want: [
          { at: '4:17-4:21', token: 'true' },
          { at: '5:19-5:23', token: 'host' },
          { at: '7:9-7:29', token: '/var/run/docker.sock' },
          { at: '9:17-9:33', token: '/run/docker.sock' },
        ],
      },
      {
        name: 'look-alikes',
        text: 'services:\n  a:\n    image: a:1\n    privileged: false\n    network_mode: bridge\n    volumes:\n      - ./docker.sock:/docker.sock\n      - sockets:/var/run/docker.sock\n    environment:\n      privileged: "true"\nvolumes:\n  sockets:\n',
        want: [],
      },
    ],
    test,
  );
});
