/**
 * Entry point of `dist/server.js`: `--stdio`, `--node-ipc` or `--socket=<port>`, as the client chooses.
 * The same script is the server's checking worker when started in a worker thread. Each part is a chunk
 * of its own in the build (esbuild-lazy.mjs), so that the worker loads neither the LSP library nor the
 * server's handlers, and both load with V8's code cache. The worker is started before the main thread's
 * chunk loads, so that Node boots the worker thread while the main thread loads (issue 16: the first
 * diagnostics); the worker loads its chunk once the main thread's has loaded (see `untilMainThreadLoaded`).
 */
import { isCheckWorker, untilMainThreadLoaded } from './lsp/check-protocol';
import { keepWebAssemblyBaseline } from './host/v8-flags';
import * as server from './lsp/server-main';
import * as worker from './lsp/worker-main';
import { startCheckWorker } from './lsp/worker-start';

if (isCheckWorker()) {
  // The worker's chunk loads under the shell parser's V8 flag, set once the main thread's chunk has loaded
  // without it: each chunk is then read under the flags its code cache was made with (see v8-flags.ts).
  void untilMainThreadLoaded().then(() => {
    keepWebAssemblyBaseline();
    worker.runWorker();
  });
} else {
  const checkWorker = startCheckWorker(__filename, undefined, { mainThreadLoading: true });
  server.runServer(__filename, checkWorker);
  checkWorker.mainThreadLoaded();
}
