import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { untilMainThreadLoaded, type FromWorker, type WorkerData } from '../../../server/src/lsp/check-protocol';
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

  test('started while the main thread loads, it is told when the main thread has loaded', async () => {
    const started = startCheckWorker(
      script(
        [
          'const loaded = new Int32Array(workerData.mainThreadLoaded);',
          "parentPort.postMessage({ kind: 'log', message: `before: ${Atomics.load(loaded, 0)}` });",
          "Promise.resolve(Atomics.waitAsync(loaded, 0, 0).value).then(() => parentPort.postMessage({ kind: 'log', message: 'loaded' }));",
        ].join('\n'),
      ),
      undefined,
      { mainThreadLoading: true },
    );
    started.worker.ref();
    const heard: string[] = [];
    let loaded!: () => void;
    const said = new Promise<void>((resolve) => (loaded = resolve));
    started.takeOver({
      message: (message) => {
        if (message.kind === 'log') heard.push(message.message);
        if (heard.length === 1) started.mainThreadLoaded();
        if (heard.length === 2) loaded();
      },
      error: (error) => assert.fail(error),
      exit: () => undefined,
    });
    await said;
    assert.deepEqual(heard, ['before: 0', 'loaded']);
    await started.worker.terminate();
  });
});

describe('a worker waiting for the main thread to load (untilMainThreadLoaded)', () => {
  const waiting = () => {
    const loaded = new Int32Array(new SharedArrayBuffer(4));
    const data: WorkerData = {
      role: 'shipshape-check-worker',
      step: new SharedArrayBuffer(4),
      mainThreadLoaded: loaded.buffer,
    };
    return { loaded, data };
  };
  const settled = (promise: Promise<void>) =>
    Promise.race([promise.then(() => 'resolved'), new Promise((resolve) => setTimeout(resolve, 50, 'pending'))]);

  test('waits until the flag is set, then goes on', async () => {
    const { loaded, data } = waiting();
    const wait = untilMainThreadLoaded(data, 60_000);
    assert.equal(await settled(wait), 'pending');
    Atomics.store(loaded, 0, 1);
    Atomics.notify(loaded, 0);
    assert.equal(await settled(wait), 'resolved');
  });

  test('does not wait when the flag is already set, nor for a worker started without it (a restart)', async () => {
    const { loaded, data } = waiting();
    Atomics.store(loaded, 0, 1);
    assert.equal(await settled(untilMainThreadLoaded(data, 60_000)), 'resolved');
    assert.equal(await settled(untilMainThreadLoaded({ role: 'shipshape-check-worker', step: data.step })), 'resolved');
  });

  test('waits no longer than its limit: a main thread that never says so does not keep the parsers unloaded', async () => {
    const { data } = waiting();
    assert.equal(await settled(untilMainThreadLoaded(data, 10)), 'resolved');
  });
});
