/**
 * The findings of the outside programs Shipshape runs on workflows (ShellCheck), for the conformance run:
 * actionlint runs the same programs, so its `shellcheck` check is scored against them when they are here.
 */
import { spawnSync } from 'node:child_process';
import { Linter } from '../../../server/src/engine/linter';
import type { Finding, Host } from '../../../server/src/engine/types';
import { ShellCheckRunner } from '../../../server/src/host/shellcheck';
import { shellcheckFindings } from '../../../server/src/host/shellcheck-lint';
import { registry } from '../../../server/src/rules';

/** actionlint check → the prefix of our rule ids that answer it, for the programs installed on this machine. */
export const externalChecks = new Map<string, string>();
const installed = (program: string, versionFlag: string) =>
  spawnSync(program, [versionFlag], { stdio: 'ignore' }).status === 0;
const shellcheck = installed('shellcheck', '--version') ? new ShellCheckRunner() : undefined;
if (shellcheck) externalChecks.set('shellcheck', 'shellcheck/');

export async function externalFindings(path: string, text: string): Promise<Finding[]> {
  if (!shellcheck) return [];
  const host: Host = { readFile: (p) => (p === path ? text : undefined), exists: (p) => p === path };
  const linter = new Linter(registry, host);
  linter.workspace.set(path, text);
  const result = linter.lint(path);
  return shellcheckFindings(linter, result, shellcheck);
}
