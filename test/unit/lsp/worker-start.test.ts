import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { FromWorker } from '../../../server/src/lsp/check-protocol';
import { startCheckWorker } from '../../../server/src/lsp/worker-start';

/** A worker script of our own: it says what a checking worker says at start, then answers or exits. */
function script(body: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'shipshape-worker-')), 'worker.js');
  writeFileSync(path, `const { parentPort, workerData } = require('node:worker_threads');\n${body}\n`);
  return path;
}

describe('a checking worker started before its owner listens', () => {
  test('its early messages and its exit reach the owner that takes it over, in order', async () => {
    const started = startCheckWorker(
      script(
        "parentPort.postMessage({ kind: 'ready' });\nparentPort.postMessage({ kind: 'log', message: workerData.role });\nprocess.exit(3);",
      ),
    );
    // Listening here as well does not take the events from the owner to come. (The server does not wait
    // for its worker, so it is unref'd; the test does.)
    started.worker.ref();
    await new Promise((resolve) => started.worker.once('exit', resolve));
    const heard: Array<FromWorker | { exit: number }> = [];
    started.takeOver({
      message: (message) => heard.push(message),
      error: (error) => assert.fail(error),
      exit: (code) => heard.push({ exit: code }),
    });
    assert.deepEqual(heard, [{ kind: 'ready' }, { kind: 'log', message: 'shipshape-check-worker' }, { exit: 3 }]);
  });

  test('after the takeover the owner hears it directly, and the step it writes is shared', async () => {
    const started = startCheckWorker(
      script(
        "parentPort.on('message', (m) => { Atomics.store(new Int32Array(workerData.step), 0, 7); parentPort.postMessage({ kind: 'log', message: m.kind }); });",
      ),
    );
    started.worker.ref();
    const heard = new Promise<FromWorker>((resolve) =>
      started.takeOver({ message: resolve, error: (error) => assert.fail(error), exit: () => undefined }),
    );
    started.worker.postMessage({ kind: 'configsChanged' });
    assert.deepEqual(await heard, { kind: 'log', message: 'configsChanged' });
    assert.equal(Atomics.load(started.step, 0), 7);
    await started.worker.terminate();
  });
});
