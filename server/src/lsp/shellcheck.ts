/**
 * ShellCheck in the language server: one runner per configured program (its cache outlives edits, so
 * only changed scripts run again), and a problem with the program said once, never as a diagnostic.
 */
import { MessageType, type Connection } from 'vscode-languageserver';
import { sortFindings } from '../engine/check';
import type { Linter, LintResult } from '../engine/linter';
import type { Finding } from '../engine/types';
import { ShellCheckRunner, shellcheckKey, type ShellCheckProblem } from '../host/shellcheck';
import { programScriptKey } from './known-shellcheck';
import { shellcheckFindings } from '../host/shellcheck-lint';
import type { ShellCheckComment } from '../rules/shared/shellcheck/findings';
import type { ShellScript } from '../rules/shared/shellcheck/script';
import type { EditorSettings } from './settings';

export class ShellCheckService {
  private readonly runners = new Map<string, ShellCheckRunner>();

  constructor(private readonly connection: Connection) {}

  /** The engine's findings with ShellCheck's added, when it is enabled and can be run. */
  async withShellcheck(linter: Linter, result: LintResult, settings: EditorSettings): Promise<Finding[]> {
    if (!settings.shellcheck.enabled || !result.file) return result.findings;
    const runner = this.runnerFor(settings.shellcheck.path);
    const found = await shellcheckFindings(linter, result, runner, settings.rules);
    return found.length > 0 ? sortFindings([...result.findings, ...found]) : result.findings;
  }

  /** The program a check's ShellCheck findings come from ('' for the one on the PATH); undefined when off. */
  static program(settings: EditorSettings): string | undefined {
    return settings.shellcheck.enabled ? (settings.shellcheck.path ?? '') : undefined;
  }

  /** ShellCheck's comments on the scripts it could be run on, by `programScriptKey`; none when it is off. */
  async known(
    scripts: readonly ShellScript[],
    settings: EditorSettings,
  ): Promise<Array<[string, ShellCheckComment[]]>> {
    const program = ShellCheckService.program(settings);
    if (program === undefined) return [];
    const found = new Map(await this.runnerFor(settings.shellcheck.path).known(scripts));
    return scripts.flatMap((script) => {
      const comments = found.get(shellcheckKey(script));
      return comments ? [[programScriptKey(program, script), comments] as [string, ShellCheckComment[]]] : [];
    });
  }

  private runnerFor(path: string | undefined): ShellCheckRunner {
    const key = path ?? '';
    let runner = this.runners.get(key);
    if (!runner) {
      runner = new ShellCheckRunner({ path, onProblem: (problem) => this.tell(problem, path !== undefined) });
      this.runners.set(key, runner);
    }
    return runner;
  }

  /**
   * Without ShellCheck installed nothing is wrong: a line in the output channel. A program the user named
   * that is missing, or one that fails, is worth a message, once per runner.
   */
  private tell(problem: ShellCheckProblem, configured: boolean): void {
    const message =
      problem.kind === 'missing'
        ? `ShellCheck: ${problem.message}; RUN and run: scripts are not checked with it. Install shellcheck${configured ? ' or fix shipshape.shellcheck.path' : ''}, or set shipshape.shellcheck.enabled to false.`
        : `ShellCheck failed, its findings are left out: ${problem.message}`;
    if (problem.kind === 'missing' && !configured) {
      this.connection.console.log(message);
      return;
    }
    this.connection.console.warn(message);
    void this.connection.sendNotification('window/showMessage', { type: MessageType.Warning, message });
  }
}
