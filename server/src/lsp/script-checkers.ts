/**
 * The outside script checkers (ShellCheck, pyflakes) in the language server: one runner per checker and
 * configured program (its cache outlives edits, so only changed scripts run again), and a problem with a
 * program said once, never as a diagnostic.
 */
import { MessageType, type Connection } from 'vscode-languageserver';
import { sortFindings } from '../engine/check';
import type { Linter, LintResult } from '../engine/linter';
import type { Finding } from '../engine/types';
import { scriptPrograms } from '../host/script-programs';
import { scriptCheckerFindings } from '../host/script-lint';
import { ScriptRunner, type ScriptRunnerProblem } from '../host/script-runner';
import type { CheckerId } from '../rules/shared/scripts/checker';
import type { CheckComments, Programs, UncheckedScript } from './check-protocol';
import { programScriptKey } from './known-script-comments';
import type { EditorSettings } from './settings';

const CHECKERS = Object.keys(scriptPrograms) as CheckerId[];

export class ScriptCheckService {
  private readonly runners = new Map<string, ScriptRunner>();

  constructor(private readonly connection: Connection) {}

  /** The program each enabled checker runs ('' for its own on the PATH); undefined when all are off. */
  static programs(settings: EditorSettings): Programs | undefined {
    const programs: Programs = {};
    for (const id of CHECKERS) if (settings[id].enabled) programs[id] = settings[id].path ?? '';
    return Object.keys(programs).length > 0 ? programs : undefined;
  }

  /** The engine's findings with the enabled checkers' added, where their programs can be run. */
  async withScriptCheckers(linter: Linter, result: LintResult, settings: EditorSettings): Promise<Finding[]> {
    if (!result.file) return result.findings;
    const found = await Promise.all(
      CHECKERS.filter((id) => settings[id].enabled).map((id) =>
        scriptCheckerFindings(linter, result, this.runnerFor(id, settings[id].path), settings.rules),
      ),
    );
    const extra = found.flat();
    return extra.length > 0 ? sortFindings([...result.findings, ...extra]) : result.findings;
  }

  /** The programs' comments on the scripts they could be run on, by `programScriptKey`; none for a checker that is off. */
  async known(unchecked: readonly UncheckedScript[], settings: EditorSettings): Promise<CheckComments> {
    const programs = ScriptCheckService.programs(settings) ?? {};
    const answers = await Promise.all(
      CHECKERS.map(async (id) => {
        const program = programs[id];
        const scripts = unchecked.filter((each) => each.checker === id).map((each) => each.script);
        if (program === undefined || scripts.length === 0) return [];
        const runner = this.runnerFor(id, settings[id].path);
        return (await runner.known(scripts)).map(
          ([key, comments]) => [programScriptKey(id, program, key), comments] as [string, unknown[]],
        );
      }),
    );
    return answers.flat();
  }

  private runnerFor(id: CheckerId, path: string | undefined): ScriptRunner {
    const key = `${id}\0${path ?? ''}`;
    let runner = this.runners.get(key);
    if (!runner) {
      runner = new ScriptRunner(scriptPrograms[id], { path, onProblem: (problem) => this.tell(id, problem, path) });
      this.runners.set(key, runner);
    }
    return runner;
  }

  /**
   * Without the program installed nothing is wrong: a line in the output channel. A program the user named
   * that is missing, or one that fails, is worth a message, once per runner.
   */
  private tell(id: CheckerId, problem: ScriptRunnerProblem, configured: string | undefined): void {
    const { name, scripts, install } = scriptPrograms[id];
    const fix = configured !== undefined ? ` or fix shipshape.${id}.path` : '';
    const message =
      problem.kind === 'missing'
        ? `${name}: ${problem.message}; ${scripts} are not checked with it. Install ${install}${fix}, or set shipshape.${id}.enabled to false.`
        : `${name} failed, its findings are left out: ${problem.message}`;
    if (problem.kind === 'missing' && configured === undefined) {
      this.connection.console.log(message);
      return;
    }
    this.connection.console.warn(message);
    void this.connection.sendNotification('window/showMessage', { type: MessageType.Warning, message });
  }
}
