/**
 * The built server's checking worker, started as dist/server.js starts it: before the main thread loads its
 * chunk, told when it has (see `untilMainThreadLoaded`). It must wait for that, alive, and then load.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import type { FromWorker } from '../../server/src/lsp/check-protocol';
import { startCheckWorker } from '../../server/src/lsp/worker-start';

describe('the checking worker started before the main thread has loaded', () => {
  test('waits for the main thread, then loads and says it is ready', async () => {
    const started = startCheckWorker(resolve('dist/server.js'), undefined, { mainThreadLoading: true });
    started.worker.ref();
    const heard: FromWorker[] = [];
    let exited: number | undefined;
    let ready!: () => void;
    const isReady = new Promise<void>((resolve) => (ready = resolve));
    started.takeOver({
      message: (message) => {
        heard.push(message);
        if (message.kind === 'ready') ready();
      },
      error: (error) => assert.fail(error),
      exit: (code) => (exited = code),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(exited, undefined, 'still running while it waits');
    assert.deepEqual(heard, [], 'and not loaded before it is told');
    started.mainThreadLoaded();
    await isReady;
    assert.equal(exited, undefined);
    await started.worker.terminate();
  });
});
