/**
 * The findings of the outside programs Shipshape runs on workflows (ShellCheck, pyflakes), for the
 * conformance run: actionlint runs the same programs, so its `shellcheck` and `pyflakes` checks are scored
 * against them when they are here.
 */
import { spawnSync } from 'node:child_process';
import { Linter } from '../../../server/src/engine/linter';
import type { Finding, Host } from '../../../server/src/engine/types';
import { scriptPrograms } from '../../../server/src/host/script-programs';
import { scriptCheckerFindings } from '../../../server/src/host/script-lint';
import { ScriptRunner } from '../../../server/src/host/script-runner';
import type { CheckerId } from '../../../server/src/rules/shared/scripts/checker';
import { registry } from '../../../server/src/rules';

/** actionlint check → the prefix of our rule ids that answer it, for the programs installed on this machine. */
export const externalChecks = new Map<string, string>();
const RULE_PREFIX: Record<CheckerId, string> = { shellcheck: 'shellcheck/', pyflakes: 'github-actions/pyflakes' };

const runners: ScriptRunner[] = [];
for (const id of Object.keys(scriptPrograms) as CheckerId[]) {
  const program = scriptPrograms[id];
  // The first of the program's names that answers `--version` (pyflakes, else Debian's pyflakes3).
  const path = program.defaultPaths.find((name) => spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!path) continue;
  runners.push(new ScriptRunner(program, { path }));
  externalChecks.set(id, RULE_PREFIX[id]);
}

export async function externalFindings(path: string, text: string): Promise<Finding[]> {
  if (runners.length === 0) return [];
  const host: Host = { readFile: (p) => (p === path ? text : undefined), exists: (p) => p === path };
  const linter = new Linter(registry, host);
  linter.workspace.set(path, text);
  const result = linter.lint(path);
  return (await Promise.all(runners.map((runner) => scriptCheckerFindings(linter, result, runner)))).flat();
}
