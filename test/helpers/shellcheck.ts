/**
 * The real `shellcheck` for integration tests: installed by `test/cli/setup-tools.sh` when missing (as root,
 * with apt-get). A machine without it may skip these tests, except in CI (`CI` set), where that fails.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

function installed(): boolean {
  return spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** True when ShellCheck can be run; false (skip) only outside CI; throws in CI when it cannot be had. */
export function shellcheckAvailable(): boolean {
  if (installed()) return true;
  const setup = spawnSync('bash', [resolve('test/cli/setup-tools.sh'), 'shellcheck'], { encoding: 'utf8' });
  if (installed()) return true;
  if (process.env.CI) {
    throw new Error(`shellcheck is missing and could not be installed in CI:\n${setup.stdout}${setup.stderr}`);
  }
  return false;
}
