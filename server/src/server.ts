/** Entry point of `dist/server.js`: `--stdio`, `--node-ipc` or `--socket=<port>`, as the client chooses. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start-server';

startServer(createConnection(ProposedFeatures.all));
