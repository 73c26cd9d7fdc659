/**
 * Entry point of `dist/server.js`: `--stdio`, `--node-ipc` or `--socket=<port>`, as the client chooses.
 * The same script is the server's checking worker when started in a worker thread. Each part is a chunk
 * of its own in the build (esbuild-lazy.mjs), so that the worker loads neither the LSP library nor the
 * server's handlers, and both load with V8's code cache. The worker is started before the main thread's
 * chunk loads, so that the two threads load side by side (issue 16: the first diagnostics); it loads its
 * shell parser once the main thread's chunk has loaded (see `untilMainThreadLoaded`).
 */
import { isCheckWorker } from './lsp/check-protocol';
import * as server from './lsp/server-main';
import * as worker from './lsp/worker-main';
import { startCheckWorker } from './lsp/worker-start';

if (isCheckWorker()) worker.runWorker();
else {
  const checkWorker = startCheckWorker(__filename, undefined, { mainThreadLoading: true });
  server.runServer(__filename, checkWorker);
  checkWorker.mainThreadLoaded();
}
