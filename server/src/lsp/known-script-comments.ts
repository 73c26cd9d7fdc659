/**
 * The outside script checkers in the checking worker: the worker has the file's parse, so it finds the
 * scripts and maps the programs' comments back onto the file; the server's main thread only runs the
 * processes (child processes belong there) on the scripts the worker has no comments for yet, and sends
 * the comments back. A check never waits for a process: what is known is added at once, the rest
 * follows in a check once the program has answered.
 */
import { settleExternalFindings, sortFindings } from '../engine/check';
import type { RuleSettings } from '../engine/config';
import type { Linter, LintResult } from '../engine/linter';
import type { Finding } from '../engine/types';
import type { CheckerId, ExternalReport, ScriptMemo } from '../rules/shared/scripts/checker';
import { scriptCheckers } from '../rules/shared/scripts/checkers';
import type { CheckComments, Programs, UncheckedScript } from './check-protocol';

/** Comments are the program's own: another configured path may judge the same script differently. */
export function programScriptKey(checker: CheckerId, program: string, scriptKey: string): string {
  return `${checker}\0${program}\0${scriptKey}`;
}

export class KnownScriptComments {
  private readonly comments = new Map<string, unknown[]>();
  /** The scripts of each file at its last check: comments no file has any more are dropped. */
  private readonly keysByPath = new Map<string, Set<string>>();
  /** The scripts made for each file's last check, by checker: made again only where the file changed. */
  private readonly scriptsByPath = new Map<string, Map<CheckerId, ScriptMemo['next']>>();

  add(entries: CheckComments): void {
    for (const [key, comments] of entries) this.comments.set(key, comments);
    this.prune();
  }

  forget(path: string): void {
    this.keysByPath.delete(path);
    this.scriptsByPath.delete(path);
  }

  /** The engine's findings with the known checkers' findings added, and the scripts still to run. */
  settle(
    linter: Linter,
    result: LintResult,
    editorRules: RuleSettings | undefined,
    programs: Programs,
  ): { findings: Finding[]; unchecked: UncheckedScript[] } {
    const file = result.file;
    if (!file || result.ignored) return { findings: result.findings, unchecked: [] };
    const keys = new Set<string>();
    const unchecked: UncheckedScript[] = [];
    const reports: ExternalReport[] = [];
    const previousScripts = this.scriptsByPath.get(file.path);
    const scripts = new Map<CheckerId, ScriptMemo['next']>();
    for (const [id, program] of Object.entries(programs) as Array<[CheckerId, string]>) {
      const checker = scriptCheckers[id];
      const memo: ScriptMemo = { previous: previousScripts?.get(id), next: new Map() };
      scripts.set(id, memo.next);
      for (const script of checker.scriptsOf(file, memo)) {
        const key = programScriptKey(id, program, checker.key(script));
        keys.add(key);
        const comments = this.comments.get(key);
        if (comments) reports.push(...checker.reports(file, script, comments));
        else unchecked.push({ checker: id, script });
      }
    }
    this.keysByPath.set(file.path, keys);
    this.scriptsByPath.set(file.path, scripts);
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
