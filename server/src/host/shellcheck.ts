/** How the `shellcheck` program is run on a script (`--format=json1`, the script's dialect) and read. */
import { parseShellCheckJson1, shellcheckChecker, type ShellCheckComment } from '../rules/shared/shellcheck/findings';
import type { ShellScript } from '../rules/shared/shellcheck/script';
import { exitedWith, type ScriptProgram } from './script-runner';

export const shellcheckProgram: ScriptProgram<ShellScript, ShellCheckComment> = {
  checker: shellcheckChecker,
  name: 'ShellCheck',
  scripts: 'RUN and run: scripts',
  install: 'shellcheck',
  defaultPaths: ['shellcheck'],
  args(script) {
    const args = ['--format=json1', `--shell=${script.dialect}`, '--norc'];
    if (script.exclude.length > 0) args.push(`--exclude=${script.exclude.join(',')}`);
    args.push('-');
    return args;
  },
  read(output) {
    // 0: no comments, 1: comments; anything else is ShellCheck failing (bad options, a crash).
    if (output.code !== 0 && output.code !== 1) throw new Error(exitedWith(output));
    try {
      return parseShellCheckJson1(output.stdout);
    } catch (error) {
      throw new Error(`gave unreadable output: ${(error as Error).message}`);
    }
  },
};
