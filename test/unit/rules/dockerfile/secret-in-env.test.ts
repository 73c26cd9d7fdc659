import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/secret-in-env', () => {
  checkCases(
    'dockerfile/secret-in-env',
    '/repo/Dockerfile',
    [
      {
        name: 'ENV with a literal token',
        text: 'FROM alpine:3.20\nENV API_TOKEN=abc123\n',
        want: [{ at: '2:5-2:14', token: 'API_TOKEN' }],
      },
      {
        name: 'ARG with a default password',
        text: 'ARG DB_PASSWORD=hunter2\nFROM alpine:3.20\n',
        want: ['DB_PASSWORD'],
      },
      {
        name: 'camelCase private key',
        text: 'FROM alpine:3.20\nENV sshPrivateKey="-----BEGIN"\n',
        want: ['sshPrivateKey'],
      },
      {
        name: 'legacy form',
        text: 'FROM alpine:3.20\nENV AWS_SECRET_ACCESS_KEY abc\n',
        want: ['AWS_SECRET_ACCESS_KEY'],
      },
      { name: 'ARG without value', text: 'FROM alpine:3.20\nARG NPM_TOKEN\n', want: [] },
      { name: 'forwarding a build arg', text: 'FROM alpine:3.20\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\n', want: [] },
      { name: 'a path to a secret file', text: 'FROM alpine:3.20\nENV DB_PASSWORD_FILE=/run/secrets/db\n', want: [] },
      {
        name: 'GPG key fingerprint',
        text: 'FROM alpine:3.20\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n',
        want: [],
      },
      {
        name: 'token words inside others',
        text: 'FROM alpine:3.20\nENV TOKENIZERS_PARALLELISM=false KEYBOARD=us\n',
        want: [],
      },
    ],
    test,
  );
});
