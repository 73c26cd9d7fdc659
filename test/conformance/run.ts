/**
 * `npm run conformance [kind…]`: scores Shipshape against other tools' own test suites, kept in
 * ../shared/conformance (data only, read at run time). Each `<kind>.conformance.ts` beside this file
 * prints its own per-rule table; this runner only finds and runs them, one process each.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SKIPPED_EXIT_CODE } from './data-root';

// Names pick suites; flags (`--verbose`) go to every suite run.
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
const suites = readdirSync(__dirname)
  .filter((name) => name.endsWith('.conformance.ts'))
  .filter((name) => wanted.length === 0 || wanted.includes(name.replace('.conformance.ts', '')))
  .sort();
if (suites.length === 0) {
  if (wanted.length > 0) {
    console.error(`no conformance suite for ${wanted.join(', ')} in ${__dirname}`);
    process.exit(2);
  }
  console.log('no conformance suites yet');
  process.exit(0);
}
let failed = false;
const skipped: string[] = [];
for (const suite of suites) {
  const name = suite.replace('.conformance.ts', '');
  console.log(`\n=== ${name} ===`);
  // The preload loads the shell parser (WebAssembly, asynchronous) before the suite lints anything.
  const preload = pathToFileURL(join(__dirname, '..', 'prepare-parsers.mjs')).href;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', preload, join(__dirname, suite), ...flags],
    {
      stdio: 'inherit',
    },
  );
  if (result.status === SKIPPED_EXIT_CODE) skipped.push(name);
  else if (result.status !== 0) failed = true;
}
if (skipped.length > 0)
  console.log(
    `\n⚠ conformance: ${skipped.length} of ${suites.length} suites skipped for lack of data (${skipped.join(', ')})`,
  );
process.exit(failed ? 1 : 0);
