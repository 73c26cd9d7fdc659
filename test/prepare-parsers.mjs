// Preloaded (`node --import tsx --import ./test/prepare-parsers.mjs`) by the test runners: the shell
// parser's WebAssembly loads asynchronously (server/src/host/shell-parser.ts), and rule tests lint
// synchronously. A test run without it fails on its first Dockerfile RUN instead of judging it unparsed.
// Worker threads inherit the preload but not tsx's resolution of the sources: a worker that checks
// Dockerfiles prepares its parsers itself, as the CLI's and the server's workers do.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  const { prepareParsers } = await import('../server/src/host/shell-parser.js');
  await prepareParsers(['dockerfile']);
}
