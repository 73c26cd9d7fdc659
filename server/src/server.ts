/**
 * Entry point of `dist/server.js`: `--stdio`, `--node-ipc` or `--socket=<port>`, as the client chooses.
 * The same bundle is the server's checking worker when started in a worker thread.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { isCheckWorker, runCheckWorker } from './lsp/check-worker';
import { startServer } from './lsp/start-server';
import { registry } from './rules';

if (isCheckWorker()) runCheckWorker(registry);
else startServer(createConnection(ProposedFeatures.all), registry, { workerScript: __filename });
