/**
 * ShellCheck's `--format=json1` output, read and turned into findings on the exact characters of the
 * Dockerfile or workflow the script came from.
 */
import type { ParsedFile, Severity } from '../../../engine/types';
import type { ExternalReport, ScriptChecker, ScriptMemo } from '../scripts/checker';
import { fileSpan } from '../scripts/mapped-script';
import { dockerfileScripts } from './dockerfile-scripts';
import { shellcheckRuleId } from './rules';
import type { ShellScript } from './script';
import { workflowScripts } from './workflow-scripts';

export interface ShellCheckComment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
}

/** The scripts ShellCheck should read in a file: RUN instructions, and bash or sh `run:` steps. */
export function shellScriptsOf(file: ParsedFile, memo?: ScriptMemo): ShellScript[] {
  if (file.kind === 'dockerfile') return dockerfileScripts(file, memo);
  if (file.kind === 'github-actions') return workflowScripts(file);
  return [];
}

/** What ShellCheck's answer depends on: the dialect, the checks left out and the script. */
export function shellcheckKey(script: ShellScript): string {
  return `${script.dialect}\0${script.exclude.join(',')}\0${script.text}`;
}

export const shellcheckChecker: ScriptChecker<ShellScript, ShellCheckComment> = {
  id: 'shellcheck',
  scriptsOf: shellScriptsOf,
  key: shellcheckKey,
  reports: shellcheckReports,
};

/** `{"comments": [...]}`; throws on anything else, which means ShellCheck did not run as expected. */
export function parseShellCheckJson1(stdout: string): ShellCheckComment[] {
  const parsed = JSON.parse(stdout) as { comments?: unknown };
  if (!parsed || !Array.isArray(parsed.comments)) throw new Error('no "comments" array in ShellCheck output');
  return parsed.comments.filter(
    (comment): comment is ShellCheckComment =>
      typeof comment === 'object' &&
      comment !== null &&
      ['line', 'column', 'endLine', 'endColumn', 'code'].every(
        (key) => typeof (comment as Record<string, unknown>)[key] === 'number',
      ),
  );
}

/**
 * Checks that judge a word's literal value (a comparison that can never be equal, a constant test, an
 * empty-string test): about a `${{ }}` stand-in they would judge the underscores, not what the runner puts there.
 */
const LITERAL_VALUE_CHECKS = new Set([2050, 2078, 2157, 2193, 2194, 2195, 2158, 2161]);

/** ShellCheck's `style` is advice: it goes with `info`. */
const SEVERITY: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };

export function shellcheckReports(
  file: ParsedFile,
  script: ShellScript,
  comments: readonly ShellCheckComment[],
): ExternalReport[] {
  const reports: ExternalReport[] = [];
  for (const comment of comments) {
    const span = fileSpan(
      script,
      { line: comment.line, column: comment.column },
      { line: comment.endLine, column: comment.endColumn },
    );
    if (!span) continue;
    const range = file.lines.range(span[0], span[1]);
    // The check points at one side of a comparison; the stand-in may be the other side, on the same line.
    if (LITERAL_VALUE_CHECKS.has(comment.code) && placeholderLines(file, script).has(range.start.line)) continue;
    reports.push({
      ruleId: shellcheckRuleId(comment.code),
      severity: SEVERITY[comment.level] ?? 'warning',
      range,
      message: comment.message,
    });
  }
  return reports;
}

function placeholderLines(file: ParsedFile, script: ShellScript): Set<number> {
  const lines = new Set<number>();
  for (const [from, to] of script.placeholders) {
    const range = file.lines.range(from, to);
    for (let line = range.start.line; line <= range.end.line; line++) lines.add(line);
  }
  return lines;
}
