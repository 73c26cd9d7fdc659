/**
 * The walk of `shipshape check`: which files it reads, and what it tells the CLI as it reads them (the
 * length of each text: the CLI starts the threads of a long run before the walk ends).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { collectFiles } from '../../../server/src/host/collect-files';
import { writeFileTree } from '../../helpers/file-tree';

const root = mkdtempSync(join(tmpdir(), 'shipshape-walk-'));
after(() => rmSync(root, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  return writeFileTree(mkdtempSync(join(root, 'tree-')), files);
}

describe('collectFiles', () => {
  test('reads the candidates only, and tells the length of each text read, in the order read', () => {
    const folder = tree({
      'a/Dockerfile': 'FROM alpine:3.20\n',
      'a/deploy.yaml': 'kind: Pod\n',
      'a/main.ts': 'export {};\n',
      'b/é.yml': 'name: é\n',
    });
    const lengths: number[] = [];
    const { files } = collectFiles(
      [folder],
      () => false,
      Infinity,
      (characters) => lengths.push(characters),
    );
    assert.deepEqual(
      files.map((file) => file.path.slice(folder.length)),
      ['/a/Dockerfile', '/a/deploy.yaml', '/b/é.yml'],
    );
    assert.deepEqual(
      lengths,
      files.map((file) => file.text.length),
      'characters, not bytes',
    );
  });

  test('a file skipped or past the limit is not counted as read', () => {
    const folder = tree({ 'binary.yaml': 'a\0b', 'one.yaml': 'a: 1\n', 'two.yaml': 'b: 2\n' });
    const lengths: number[] = [];
    const { files, beyondLimit, notices } = collectFiles(
      [folder],
      () => false,
      1,
      (n) => lengths.push(n),
    );
    assert.equal(files.length, 1);
    assert.equal(beyondLimit, 1);
    assert.match(notices.join('\n'), /binary content/);
    assert.deepEqual(lengths, [5]);
  });
});
