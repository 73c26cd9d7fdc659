/**
 * The `run:` scripts of a workflow or composite action that run in bash or sh, as ShellCheck is to read
 * them: with the options GitHub's runner passes that shell, and every `${{ }}` expression replaced by as
 * many underscores (as actionlint does). Offsets go back through YAML block scalars to the file.
 */
import type { GitHubActionsFile } from '../../../engine/types';
import { runSteps, type RunStep } from '../../github-actions/model/run-steps';
import { scalarText, withPlaceholders } from '../scripts/scalar-text';
import { makeScript, type ShellDialect, type ShellScript } from './script';

/**
 * SC1091: sourced files are not on this machine. SC2194: an expression placeholder in `case ${{ x }} in`
 * is a constant word to ShellCheck, not to the runner.
 */
const EXCLUDE = ['SC1091', 'SC2194'];
/** What the runner runs for `shell: bash` / `shell: sh` (and bash when no shell is given, off Windows). */
const RUNNER_OPTIONS: Record<'bash' | 'sh', string> = { bash: 'set -eo pipefail', sh: 'set -e' };

export function workflowScripts(file: GitHubActionsFile): ShellScript[] {
  return runSteps(file).flatMap((step) => stepScript(file, step) ?? []);
}

function stepScript(file: GitHubActionsFile, { run, shell, env }: RunStep): ShellScript | undefined {
  const dialect = shell === undefined ? undefined : dialectOfShellSetting(shell);
  if (!dialect) return undefined;
  const body = withPlaceholders(scalarText(file.lines, run));
  const prelude = shell === 'bash' || shell === 'sh' ? [RUNNER_OPTIONS[shell]] : [];
  const names = new Set(env);
  // The runner exports them: ShellCheck then knows they are set.
  for (const name of names) {
    if (/^[A-Za-z_]\w*$/.test(name)) prelude.push(`export ${name}=1`);
  }
  const exclude = [...EXCLUDE];
  // `for x in ${{ inputs.list }}` loops over the words the runner puts there, not over one placeholder.
  if ((body.placeholders?.length ?? 0) > 0) exclude.push('SC2043');
  // An env name made by an expression may set any variable: none can be called unassigned.
  if ([...names].some((name) => name.includes('${{'))) exclude.push('SC2154');
  return makeScript(dialect, prelude, body, exclude);
}

/** `bash`, `sh`, or a custom `bash --noprofile -e {0}`; the other shells (pwsh, python, cmd) are not ShellCheck's. */
function dialectOfShellSetting(shell: string): ShellDialect | undefined {
  if (shell.includes('${{')) return undefined;
  const program = shell.trim().split(/\s+/)[0];
  return program === 'bash' || program === 'sh' ? program : undefined;
}
