/**
 * The real outside programs integration tests drive (shellcheck, pyflakes): installed by
 * `test/cli/setup-tools.sh` when missing (as root, with apt-get). A machine without one may skip its tests,
 * except in CI (`CI` set), where that fails.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The first of `programs` that answers `--version`. */
export function foundProgram(programs: readonly string[]): string | undefined {
  return programs.find((name) => spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0);
}

/** The program to run (installing Debian's `debianPackage` when missing); undefined (skip) only outside CI. */
export function installedProgram(debianPackage: string, programs: readonly string[]): string | undefined {
  const found = foundProgram(programs);
  if (found) return found;
  const setup = spawnSync('bash', [resolve('test/cli/setup-tools.sh'), debianPackage], { encoding: 'utf8' });
  const installed = foundProgram(programs);
  if (installed) return installed;
  if (process.env.CI) {
    throw new Error(`${debianPackage} is missing and could not be installed in CI:\n${setup.stdout}${setup.stderr}`);
  }
  return undefined;
}
