/**
 * An outside script checker's findings for a file the engine has checked, for both front ends: the file's
 * scripts run through the program, mapped back to the file, then the same settings and suppressions as the engine's.
 */
import { settleExternalFindings } from '../engine/check';
import type { RuleSettings } from '../engine/config';
import type { Linter, LintResult } from '../engine/linter';
import type { Finding } from '../engine/types';
import type { ScriptRunner } from './script-runner';

export async function scriptCheckerFindings(
  linter: Linter,
  result: LintResult,
  runner: ScriptRunner,
  editorSettings?: RuleSettings,
): Promise<Finding[]> {
  const file = result.file;
  if (!file || result.ignored || runner.missing) return [];
  const scripts = runner.checker.scriptsOf(file);
  if (scripts.length === 0) return [];
  const comments = await Promise.all(scripts.map((script) => runner.check(script)));
  const reports = scripts.flatMap((script, i) => runner.checker.reports(file, script, comments[i]));
  return settleExternalFindings(file, reports, {
    registry: linter.registry,
    host: linter.host,
    workspace: linter.workspace,
    settings: [result.config?.rules, editorSettings],
  });
}
