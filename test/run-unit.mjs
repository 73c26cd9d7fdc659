// Runs the node:test suites given as folders (default: unit, lsp and cli) in one runner, so the
// output ends with one summary. TypeScript runs through tsx; no build step is needed for unit tests.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).length ? process.argv.slice(2) : ['test/unit', 'test/lsp', 'test/cli'];
/** @param {string} path @returns {string[]} */
function find(path) {
  if (!statSync(path, { throwIfNoEntry: false })) return [];
  if (statSync(path).isDirectory())
    return readdirSync(path)
      .sort()
      .flatMap((name) => find(join(path, name)));
  return /\.test\.ts$/.test(path) ? [path] : [];
}
const files = roots.flatMap((root) => find(root));
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
// The preload loads the shell parser (WebAssembly, asynchronous) before any test file runs.
const preload = new URL('./prepare-parsers.mjs', import.meta.url).href;
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--import', preload, '--test', '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
