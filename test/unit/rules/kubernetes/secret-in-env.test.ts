import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { pod } from './manifests';

const env = (name: string, value: string) => `env:\n  - name: ${name}\n    value: ${value}`;

describe('kubernetes/secret-in-env', () => {
  checkCases(
    'kubernetes/secret-in-env',
    '/repo/k8s/web.yaml',
    [
      {
        name: 'DB_PASSWORD',
        text: pod(env('DB_PASSWORD', 'hunter2')),
        want: [{ at: '11:18-11:25', token: 'hunter2' }],
      },
      { name: 'camelCase apiToken', text: pod(env('apiToken', '"abc123"')), want: ['"abc123"'] },
      {
        name: 'AWS_SECRET_ACCESS_KEY',
        text: pod(env('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI')),
        want: ['wJalrXUtnFEMI'],
      },
      {
        name: 'a private key under any name',
        text: pod(
          'env:\n  - name: the_good_stuff\n    value: |\n      -----BEGIN OPENSSH PRIVATE KEY-----\n      abc\n      -----END OPENSSH PRIVATE KEY-----',
        ),
        want: [
          {
            at: '11:18-15:1',
            token:
              '|\n            -----BEGIN OPENSSH PRIVATE KEY-----\n            abc\n            -----END OPENSSH PRIVATE KEY-----\n',
          },
        ],
      },
      {
        name: 'secretKeyRef',
        text: pod('env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}'),
        want: [],
      },
      { name: 'a file path', text: pod(env('PASSWORD_FILE', '/run/secrets/db')), want: [] },
      { name: 'the name of a Secret', text: pod(env('TLS_SECRET_NAME', 'web-tls')), want: [] },
      { name: 'a $(VAR) reference', text: pod(env('DB_PASSWORD', '$(FROM_SECRET)')), want: [] },
      { name: 'empty value', text: pod(env('API_KEY', '""')), want: [] },
      { name: 'an ordinary variable', text: pod(env('LOG_LEVEL', 'debug')), want: [] },
      { name: 'a word that only contains "key"', text: pod(env('KEYCLOAK_REALM', 'main')), want: [] },
      { name: 'a public key', text: pod(env('JWT_PUBLIC_KEY', 'abc')), want: [] },
    ],
    test,
  );
});
