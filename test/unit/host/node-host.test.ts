import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { nodeHost } from '../../../server/src/host/node-host';

describe('nodeHost: the real filesystem', () => {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-host-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'folder'));
  writeFileSync(join(root, 'folder', 'Dockerfile'), 'FROM alpine:3.20\n');

  test('a file is read and exists', () => {
    assert.equal(nodeHost.readFile(join(root, 'folder', 'Dockerfile')), 'FROM alpine:3.20\n');
    assert.equal(nodeHost.exists(join(root, 'folder', 'Dockerfile')), true);
  });

  test('a folder exists but has no text', () => {
    assert.equal(nodeHost.readFile(join(root, 'folder')), undefined);
    assert.equal(nodeHost.exists(join(root, 'folder')), true);
  });

  test('a missing file, and a path through a file, are neither read nor there', () => {
    for (const path of [join(root, 'missing.yaml'), join(root, 'folder', 'Dockerfile', '.dockerignore')]) {
      assert.equal(nodeHost.readFile(path), undefined, path);
      assert.equal(nodeHost.exists(path), false, path);
    }
  });
});
