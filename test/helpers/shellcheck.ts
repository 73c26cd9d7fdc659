import { installedProgram } from './installed-tool';

/** True when ShellCheck can be run; false (skip) only outside CI; throws in CI when it cannot be had. */
export function shellcheckAvailable(): boolean {
  return installedProgram('shellcheck', ['shellcheck']) !== undefined;
}
