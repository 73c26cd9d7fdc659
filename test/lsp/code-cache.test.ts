import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cacheOf, copyTheBuild } from '../helpers/build-copy';
import { DOCKERFILE, workspace } from './fixtures';
import { LspSession, ofRule } from './lsp-session';

/**
 * The server's chunks load with V8's code cache, which V8 rejects when it was made under other V8 flags.
 * The checking worker sets one (`--liftoff-only`, for the shell parser) while the main thread loads its
 * chunk: unless the worker waits for it, the main chunk's cache was made under the flag and read without
 * it, so every start compiled the chunk afresh and wrote its cache again.
 */
describe('the language server’s code caches', () => {
  const build = copyTheBuild();
  after(() => build.remove());

  async function startAndCheckADockerfile(): Promise<void> {
    const root = workspace({});
    const session = new LspSession({ pull: true, workspaceFolder: root, server: join(build.folder, 'server.js') });
    try {
      await session.initialize();
      const dockerfile = await session.open(join(root, 'Dockerfile'), DOCKERFILE, 'dockerfile');
      assert.equal(ofRule(await session.pullDiagnostics(dockerfile), 'dockerfile/pin-base-image').length, 1);
      // After its first check the worker writes its caches once more, with what the check compiled.
      await session.waitFor(() => build.cacheStage('check-worker') === 'used' || undefined, 'the worker’s cache');
    } finally {
      await session.close();
    }
  }

  test('a second start reads the caches the first one wrote, and writes none again', async () => {
    await startAndCheckADockerfile();
    const first = build.writtenCaches();
    for (const chunk of ['server-main', 'check-worker', 'shell-parser'])
      assert.ok(first[cacheOf(chunk)], `the first start wrote ${chunk}'s`);
    assert.equal(build.cacheStage('shell-parser'), 'used');
    // The main thread's is made when it loads: the worker's flag is set by the time it has answered.
    assert.equal(build.cacheStage('server-main'), 'loaded');
    await startAndCheckADockerfile();
    assert.deepEqual(build.writtenCaches(), first);
  });
});
