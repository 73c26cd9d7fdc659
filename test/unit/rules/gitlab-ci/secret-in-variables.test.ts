import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('gitlab-ci/secret-in-variables', () => {
  checkCases(
    'gitlab-ci/secret-in-variables',
    '/repo/.gitlab-ci.yml',
    [
      {
        name: 'global and job variables',
        text: 'variables:\n  DB_PASSWORD: hunter2\n  API_KEY: "abc123"\nbuild:\n  script: make\n  variables:\n    deployToken: s3cr3t\n',
        want: [
          { at: '2:16-2:23', token: 'hunter2' },
          { at: '3:12-3:20', token: '"abc123"' },
          { at: '7:18-7:24', token: 's3cr3t' },
        ],
      },
      {
        name: 'long form with value:',
        text: 'variables:\n  SECRET_KEY:\n    value: "not-so-secret"\n    description: Django key\n',
        want: ['"not-so-secret"'],
      },
      {
        name: 'password inside a URL',
        text: 'variables:\n  DATABASE_URL: postgresql://app:Sup3rS3cret@db:5432/app\n',
        want: [{ at: '2:34-2:45', token: 'Sup3rS3cret' }],
      },
      {
        name: 'references, empty values and flags',
        text: 'variables:\n  DB_PASSWORD: $VAULT_DB_PASSWORD\n  API_TOKEN: ${CI_JOB_TOKEN}\n  NPM_TOKEN: ""\n  SECRET_DETECTION_DISABLED: "true"\n  DATABASE_URL: postgresql://app:${DB_PASSWORD}@db/app\n',
        want: [],
      },
      {
        name: 'names that are about a secret, not the secret',
        text: 'variables:\n  TOKEN_FILE: /run/secrets/token\n  SECRET_NAME: prod-db\n  AWS_ACCESS_KEY_ID: AKIAEXAMPLE\n  CACHE_KEY: deps-v2\n  PASSWORD_MIN_LENGTH: "12"\n',
        want: [],
      },
    ],
    test,
  );
});
