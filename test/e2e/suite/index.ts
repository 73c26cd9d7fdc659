/**
 * The test-electron contract: VS Code `require`s this module in the extension host and awaits
 * `run()`. The same file serves desktop VS Code (@vscode/test-electron) and code-server.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    reporter: 'spec',
    color: false,
    // Each wait has its own, shorter timeout with a message that says what did not happen.
    timeout: 60_000,
    grep: process.env.SHIPSHAPE_E2E_GREP,
  });
  // Files run in name order; the numeric prefixes follow the list of end-to-end tests.
  for (const name of readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js'))
    .sort())
    mocha.addFile(join(__dirname, name));
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} end-to-end test${failures === 1 ? '' : 's'} failed`);
}
