// Preloaded (`node --import tsx --import ./test/prepare-parsers.mjs`) by the test runners: the shell
// parser's WebAssembly loads asynchronously (server/src/host/shell-parser.ts), and rule tests lint
// synchronously. A test run without it fails on its first Dockerfile RUN instead of judging it unparsed.
const { prepareParsers } = await import('../server/src/host/shell-parser.js');
await prepareParsers(['dockerfile']);
