import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { DOCKERFILE, workspace } from './fixtures';
import { LspSession, ofRule } from './lsp-session';

/**
 * The server's chunks load with V8's code cache (server/src/host/chunk-loader.ts), which V8 rejects when it
 * was made under other V8 flags. The checking worker sets one (`--liftoff-only`, for the shell parser) while
 * the main thread loads its chunk: unless the worker waits for it, the main chunk's cache was made under the
 * flag and read without it, so every start compiled the chunk afresh and wrote its cache again.
 */
describe('the language server’s code caches', () => {
  // A copy of the build of its own: other tests' servers write the caches of dist/ while they start.
  const installed = mkdtempSync(join(tmpdir(), 'shipshape-code-cache-'));
  after(() => rmSync(installed, { recursive: true, force: true }));
  cpSync(resolve('dist'), installed, {
    recursive: true,
    filter: (source) => !source.includes(`${join('chunks', '.cache')}`) && !source.endsWith('.map'),
  });
  const caches = join(installed, 'chunks', '.cache');
  /** Each cache file's identity: a write replaces the file (written aside, then renamed). */
  const written = () =>
    Object.fromEntries(
      readdirSync(caches).map((name) => {
        const { ino, mtimeMs } = statSync(join(caches, name));
        return [name, `${ino}:${mtimeMs}`];
      }),
    );

  async function startAndCheckADockerfile(): Promise<void> {
    const root = workspace({});
    const session = new LspSession({ pull: true, workspaceFolder: root, server: join(installed, 'server.js') });
    try {
      await session.initialize();
      const dockerfile = await session.open(join(root, 'Dockerfile'), DOCKERFILE, 'dockerfile');
      assert.equal(ofRule(await session.pullDiagnostics(dockerfile), 'dockerfile/pin-base-image').length, 1);
    } finally {
      await session.close();
    }
  }

  test('a second start reads the caches the first one wrote, and writes none again', async () => {
    await startAndCheckADockerfile();
    const first = written();
    const main = `server-main-${process.version}-${process.arch}.v8`;
    assert.ok(first[main], `the first start wrote ${main}`);
    assert.ok(first[`check-worker-${process.version}-${process.arch}.v8`], 'and the worker’s');
    await startAndCheckADockerfile();
    assert.deepEqual(written(), first);
  });
});
