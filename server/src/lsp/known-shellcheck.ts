/**
 * ShellCheck in the checking worker: the worker has the file's parse, so it finds the scripts and maps
 * ShellCheck's comments back onto the file; the server's main thread only runs the `shellcheck`
 * processes (child processes belong there) on the scripts the worker has no comments for yet, and sends
 * the comments back. A check never waits for a process: what is known is added at once, the rest
 * follows in a check once ShellCheck has answered.
 */
import { settleExternalFindings, sortFindings } from '../engine/check';
import type { RuleSettings } from '../engine/config';
import type { Linter, LintResult } from '../engine/linter';
import type { Finding } from '../engine/types';
import { shellcheckKey } from '../host/shellcheck';
import { shellcheckReports, shellScriptsOf, type ShellCheckComment } from '../rules/shared/shellcheck/findings';
import type { ShellScript } from '../rules/shared/shellcheck/script';

/** Comments are the program's own: another `shipshape.shellcheck.path` may judge the same script differently. */
export function programScriptKey(program: string, script: ShellScript): string {
  return `${program}\0${shellcheckKey(script)}`;
}

export class KnownShellCheckComments {
  private readonly comments = new Map<string, ShellCheckComment[]>();
  /** The scripts of each file at its last check: comments no file has any more are dropped. */
  private readonly keysByPath = new Map<string, Set<string>>();

  add(entries: ReadonlyArray<[string, ShellCheckComment[]]>): void {
    for (const [key, comments] of entries) this.comments.set(key, comments);
    this.prune();
  }

  forget(path: string): void {
    this.keysByPath.delete(path);
  }

  /** The engine's findings with the known ShellCheck findings added, and the scripts still to run. */
  settle(
    linter: Linter,
    result: LintResult,
    editorRules: RuleSettings | undefined,
    program: string,
  ): { findings: Finding[]; unchecked: ShellScript[] } {
    const file = result.file;
    if (!file || result.ignored) return { findings: result.findings, unchecked: [] };
    const scripts = shellScriptsOf(file);
    this.keysByPath.set(file.path, new Set(scripts.map((script) => programScriptKey(program, script))));
    const unchecked: ShellScript[] = [];
    const reports = scripts.flatMap((script) => {
      const comments = this.comments.get(programScriptKey(program, script));
      if (!comments) unchecked.push(script);
      return comments ? shellcheckReports(file, script, comments) : [];
    });
    if (reports.length === 0) return { findings: result.findings, unchecked };
    const found = settleExternalFindings(file, reports, {
      registry: linter.registry,
      host: linter.host,
      workspace: linter.workspace,
      settings: [result.config?.rules, editorRules],
    });
    return { findings: sortFindings([...result.findings, ...found]), unchecked };
  }

  /** Keeps the comments of the scripts files had at their last check (and what just arrived for them). */
  private prune(): void {
    let wanted = 0;
    for (const keys of this.keysByPath.values()) wanted += keys.size;
    if (this.comments.size <= 2 * wanted + 100) return;
    for (const key of this.comments.keys()) {
      if (![...this.keysByPath.values()].some((keys) => keys.has(key))) this.comments.delete(key);
    }
  }
}
