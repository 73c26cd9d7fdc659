import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('compose/plaintext-secret', () => {
  checkCases(
    'compose/plaintext-secret',
    '/app/compose.yaml',
    [
      {
        name: 'map form',
        text: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: example\n      POSTGRES_USER: app\n',
        want: [{ at: '5:26-5:33', token: 'example' }],
      },
      {
        name: 'list form',
        text: 'services:\n  api:\n    image: a:1\n    environment:\n      - API_TOKEN=abc123\n      - LOG_LEVEL=debug\n',
        want: [{ at: '5:19-5:25', token: 'abc123' }],
      },
      {
        name: 'credentials in URLs, whatever the name',
        text: 'services:\n  api:\n    image: a:1\n    environment:\n      DATABASE_URL: postgresql://app:s3cret@db:5432/app\n      CACHE_URL: redis://cache:6379\n',
        want: ['s3cret'],
      },
      {
        name: 'credentials in URLs (list form)',
        text: 'services:\n  api:\n    image: a:1\n    environment:\n      - DATABASE_URL=postgresql://app:s3cret@db:5432/app\n      - REDIS_URL=redis://cache:6379\n',
        want: [{ at: '5:39-5:45', token: 's3cret' }],
      },
      {
        name: 'interpolation, env files, empty and pass-through values',
        text: 'services:\n  db:\n    image: postgres:17\n    env_file: .env\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_PASSWORD_FILE: /run/secrets/db\n      API_TOKEN:\n      SECRET_KEY: ""\n',
        want: [],
      },
      {
        name: 'pass-through list entries',
        text: 'services:\n  api:\n    image: a:1\n    environment:\n      - API_TOKEN\n      - DB_PASSWORD=${DB_PASSWORD:?set it}\n',
        want: [],
      },
    ],
    test,
  );
});
