import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const on = { settings: { 'dockerfile/inline-ignore': { severity: 'info' as const } } };

describe('dockerfile/inline-ignore', () => {
  checkCases(
    'dockerfile/inline-ignore',
    '/repo/Dockerfile',
    [
      {
        name: 'hadolint ignore',
        text: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update\n',
        want: [{ at: '2:1-2:25', token: '# hadolint ignore=DL3008' }],
        options: on,
      },
      {
        name: 'shipshape-ignore',
        text: 'FROM debian:12\n# shipshape-ignore dockerfile/use-workdir -- vendor script\nRUN cd /tmp && ./x\n',
        want: ['# shipshape-ignore dockerfile/use-workdir -- vendor script'],
        options: on,
      },
      { name: 'off by default', text: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update\n', want: [] },
      {
        name: 'file-level forms and other pragmas',
        text: '# hadolint global ignore=DL3008\n# shipshape-ignore-file dockerfile/pin-packages\n# hadolint shell=bash\nFROM debian:12\n# install\nRUN true\n',
        want: [],
        options: on,
      },
    ],
    test,
  );
});
