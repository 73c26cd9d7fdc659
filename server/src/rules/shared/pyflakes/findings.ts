/**
 * pyflakes's output, read and turned into findings on the exact token of the workflow's `run:` script.
 * pyflakes prints its warnings on stdout (`<stdin>:LINE:COL: message`, the column counted in UTF-8 bytes,
 * as Python's syntax tree counts) and syntax errors on stderr (the same form, the column counted in
 * characters, followed by the source line and a caret line, which are skipped).
 */
import type { ParsedFile } from '../../../engine/types';
import type { ExternalReport, ScriptChecker } from '../scripts/checker';
import { fileSpan, overlapsPlaceholder, type MappedScript } from '../scripts/mapped-script';
import { pythonScriptsOf } from './python-scripts';

export const PYFLAKES_RULE = 'github-actions/pyflakes';

export interface PyflakesComment {
  /** 1-based line of the script. */
  line: number;
  /** 1-based column, in `unit`s of the line (1 when pyflakes gives none). */
  column: number;
  unit: 'utf8' | 'codepoint';
  message: string;
  syntaxError: boolean;
}

const MESSAGE = /^<stdin>:(\d+):(?:(\d+):)? (.*)$/;

/** The comments in one of pyflakes's streams: stdout (warnings) or stderr (syntax errors). */
export function parsePyflakesOutput(output: string, stream: 'stdout' | 'stderr'): PyflakesComment[] {
  const comments: PyflakesComment[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = MESSAGE.exec(line);
    if (!match) continue;
    comments.push({
      line: Number(match[1]),
      column: match[2] ? Number(match[2]) : 1,
      unit: stream === 'stdout' ? 'utf8' : 'codepoint',
      message: match[3],
      syntaxError: stream === 'stderr',
    });
  }
  return comments;
}

/**
 * A name no one writes, made of a `${{ }}` stand-in: a finding about it (an undefined `______`, an import of
 * it) is about what the runner puts there, not about the script.
 */
const STAND_IN_NAME = /_{6,}/;

export function pyflakesReports(
  file: ParsedFile,
  script: MappedScript,
  comments: readonly PyflakesComment[],
): ExternalReport[] {
  const lines = script.text.split('\n');
  const reports: ExternalReport[] = [];
  for (const comment of comments) {
    if (STAND_IN_NAME.test(comment.message)) continue;
    const lineText = lines[comment.line - 1] ?? '';
    const at = utf16Index(lineText, comment.column - 1, comment.unit);
    const [from, to] = tokenAt(lineText, at, comment.syntaxError ? undefined : quotedName(comment.message));
    const span = fileSpan(script, { line: comment.line, column: from + 1 }, { line: comment.line, column: to + 1 });
    if (!span || overlapsPlaceholder(script, span[0], span[1])) continue;
    reports.push({
      ruleId: PYFLAKES_RULE,
      severity: comment.syntaxError ? 'error' : 'warning',
      range: file.lines.range(span[0], span[1]),
      message: comment.syntaxError ? `Python syntax error: ${comment.message}` : comment.message,
    });
  }
  return reports;
}

export const pyflakesChecker: ScriptChecker<MappedScript, PyflakesComment> = {
  id: 'pyflakes',
  scriptsOf: pythonScriptsOf,
  key: (script) => script.text,
  reports: pyflakesReports,
};

/** The UTF-16 index in `line` of the `count`-th UTF-8 byte or code point. */
function utf16Index(line: string, count: number, unit: PyflakesComment['unit']): number {
  let seen = 0;
  let index = 0;
  for (const ch of line) {
    if (seen >= count) return index;
    seen += unit === 'codepoint' ? 1 : utf8Length(ch.codePointAt(0)!);
    index += ch.length;
  }
  return index;
}

/**
 * The name a message is about, when it quotes one: `'os' imported but unused` → `os`; the name an import
 * binds for `'time.sleep'` (`sleep`) and `'a.b as c'` (`c`).
 */
function quotedName(message: string): string | undefined {
  const quoted = /'([^']+)'/.exec(message)?.[1];
  const last = quoted?.split(' as ').pop()?.split('.').pop();
  return last && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(last) ? last : undefined;
}

/**
 * The token a comment is about: the quoted name, where it stands on the line from the column on (an
 * import's column is the statement's); else the word at the column; else the one character there.
 */
function tokenAt(line: string, at: number, name: string | undefined): [number, number] {
  if (name) {
    const word = new RegExp(`(?<![\\p{L}\\p{N}_])${name}(?![\\p{L}\\p{N}_])`, 'gu');
    word.lastIndex = at;
    const found = word.exec(line);
    if (found) return [found.index, found.index + name.length];
  }
  const word = /[\p{L}\p{N}_]+/uy;
  word.lastIndex = at;
  const found = word.exec(line);
  if (found) return [at, at + found[0].length];
  return [at, Math.min(at + 1, line.length)];
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
