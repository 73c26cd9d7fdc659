/**
 * The language server's main thread, as dist/server.js starts it: a chunk of its own in the build
 * (dist/chunks/server-main.js, loaded with V8's code cache, see esbuild-lazy.mjs).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registry } from '../rules';
import { startServer } from './start-server';
import type { StartedWorker } from './worker-start';

/**
 * `workerScript`: dist/server.js, which runs the checking worker when started in a worker thread;
 * `checkWorker`: the first worker, already started from it.
 */
export function runServer(workerScript: string, checkWorker?: StartedWorker): void {
  startServer(createConnection(ProposedFeatures.all), registry, { workerScript, checkWorker });
}
