import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, fixTitles } from '../../../helpers/lint';

const FILE = '/app/compose.yaml';

describe('compose quick fixes', () => {
  test('image-tag: tag placeholder', () => {
    assert.equal(
      applyFix(FILE, 'services:\n  db:\n    image: postgres\n', 'compose/image-tag', 'Pin'),
      'services:\n  db:\n    image: postgres:tag\n',
    );
    assert.equal(
      applyFix(FILE, 'services:\n  db:\n    image: "redis:latest"\n', 'compose/image-tag', 'Pin'),
      'services:\n  db:\n    image: "redis:tag"\n',
    );
  });
  test('plaintext-secret: ${VAR} interpolation, map and list forms', () => {
    assert.equal(
      applyFix(
        FILE,
        'services:\n  db:\n    image: p:1\n    environment:\n      POSTGRES_PASSWORD: example\n',
        'compose/plaintext-secret',
        'interpolation',
      ),
      'services:\n  db:\n    image: p:1\n    environment:\n      POSTGRES_PASSWORD: "${POSTGRES_PASSWORD}"\n',
    );
    assert.equal(
      applyFix(
        FILE,
        'services:\n  db:\n    image: p:1\n    environment:\n      - API_TOKEN=abc123\n',
        'compose/plaintext-secret',
        'interpolation',
      ),
      'services:\n  db:\n    image: p:1\n    environment:\n      - API_TOKEN=${API_TOKEN}\n',
    );
    assert.equal(
      applyFix(
        FILE,
        'services:\n  api:\n    image: p:1\n    environment:\n      DATABASE_URL: postgres://app:s3cret@db/app\n',
        'compose/plaintext-secret',
        'interpolation',
      ),
      'services:\n  api:\n    image: p:1\n    environment:\n      DATABASE_URL: postgres://app:${DATABASE_URL_PASSWORD}@db/app\n',
    );
  });
  test('plaintext-secret: no interpolation fix where braces would break a flow list', () => {
    assert.deepEqual(
      fixTitles(
        FILE,
        'services:\n  db:\n    image: p:1\n    environment: [API_TOKEN=abc123]\n',
        'compose/plaintext-secret',
      ).filter((t) => t.includes('interpolation')),
      [],
    );
  });
});
