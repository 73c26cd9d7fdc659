/**
 * The server's checking worker, as dist/server.js starts it in a worker thread: a chunk of its own in the
 * build (dist/chunks/check-worker.js), without the LSP library the worker does not use, loaded with V8's
 * code cache, so that the worker is ready sooner after the server starts (issue 16: first diagnostics).
 */
import { registry } from '../rules';
import { runCheckWorker } from './check-worker';

export function runWorker(): void {
  runCheckWorker(registry);
}
