/**
 * `npm run conformance [kind…]`: scores Shipshape against other tools' own test suites, kept in
 * ../shared/conformance (data only, read at run time). Each `<kind>.conformance.ts` beside this file
 * prints its own per-rule table; this runner only finds and runs them, one process each.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const wanted = process.argv.slice(2);
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
for (const suite of suites) {
  console.log(`\n=== ${suite.replace('.conformance.ts', '')} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, suite)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
