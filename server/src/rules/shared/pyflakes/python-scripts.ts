/**
 * The `run:` steps of a workflow or composite action that run in Python, as pyflakes is to read them: the
 * script as the runner writes it to its `.py` file, with each `${{ }}` as a stand-in of the same length.
 */
import type { GitHubActionsFile, ParsedFile } from '../../../engine/types';
import { runSteps } from '../../github-actions/model/run-steps';
import { mappedScript, type MappedScript } from '../scripts/mapped-script';
import { scalarText, withPlaceholders } from '../scripts/scalar-text';

/**
 * `shell: python` (what the runner runs as `python {0}`), and custom shells whose program is a Python
 * (`python {0}`, `python3 -u {0}`, `/usr/bin/python3.12 {0}`): the script is a Python file to them too.
 * A shell made by an expression is not known before the run.
 */
const PYTHON_PROGRAM = /^(?:\S*\/)?python(?:\d+(?:\.\d+)*)?(?:\.exe)?$/i;

export function isPythonShell(shell: string): boolean {
  if (shell.includes('${{')) return false;
  return PYTHON_PROGRAM.test(shell.trim().split(/\s+/)[0] ?? '');
}

export function pythonScriptsOf(file: ParsedFile): MappedScript[] {
  if (file.kind !== 'github-actions') return [];
  return runSteps(file as GitHubActionsFile)
    .filter((step) => step.shell !== undefined && isPythonShell(step.shell))
    .map((step) => mappedScript([], withPlaceholders(scalarText(file.lines, step.run))));
}
