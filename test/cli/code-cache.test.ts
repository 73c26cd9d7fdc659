/**
 * The CLI's chunks load with V8's code cache, which V8 rejects when it was made under other V8 flags. A
 * run sets two (server/src/host/v8-flags.ts): set part-way through the run, the main thread and the
 * `--jobs` workers loaded the engine under different flags, and each run rewrote its cache twice.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cacheOf, copyTheBuild } from '../helpers/build-copy';
import { writeFileTree } from '../helpers/file-tree';

describe('the CLI’s code caches', () => {
  const build = copyTheBuild();
  // A long run (3 M characters or more, 32 files or more per thread), so that its worker starts part-way
  // through the walk, as in a large repository: 64 Compose files of comments, and one file of each kind
  // whose chunk is cached.
  const comments = `# ${'a long comment line of a large Compose file '.repeat(2)}\n`.repeat(550);
  const composeFiles = Object.fromEntries(
    Array.from({ length: 64 }, (_, i) => [
      `svc${i}/compose.yaml`,
      `${comments}services:\n  web:\n    image: nginx:1.27\n`,
    ]),
  );
  const project = writeFileTree(mkdtempSync(join(tmpdir(), 'shipshape-code-cache-')), {
    ...composeFiles,
    Dockerfile: 'FROM alpine:3.20\nRUN apk add curl && echo "$HOME"\n',
    'k8s/pod.yaml':
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: web, image: nginx}]\n',
    '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: make}]\n',
  });
  after(() => {
    build.remove();
    rmSync(project, { recursive: true, force: true });
  });

  const check = () => {
    const args = [
      join(build.folder, 'cli.js'),
      'check',
      '.',
      '--jobs',
      '2',
      '--no-shellcheck',
      '--no-pyflakes',
      '--fail-on',
      'none',
    ];
    const result = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  };

  test('a second long run (with a worker thread) reads the caches the first one wrote, and writes none again', () => {
    check();
    const first = build.writtenCaches();
    for (const chunk of ['checker', 'shell-parser', 'kubernetes-schema', 'workflow-parser'])
      assert.ok(first[cacheOf(chunk)], `the first run wrote ${chunk}'s`);
    // Made again after the check, once: with the functions the check compiled.
    assert.equal(build.cacheStage('checker'), 'used');
    check();
    assert.deepEqual(build.writtenCaches(), first);
  });
});
