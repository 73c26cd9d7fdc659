/**
 * A shell script found inside a Dockerfile or a workflow, as ShellCheck is to read it, with the map
 * that takes each of its characters back to the file it came from.
 */

/** The dialects ShellCheck knows (`--shell=`). */
export type ShellDialect = 'bash' | 'sh' | 'dash' | 'ksh';

export interface ShellScript {
  dialect: ShellDialect;
  /** What ShellCheck reads on stdin: `prelude` lines, then the script body. */
  text: string;
  /** Lines we put before the body (the shell's options, variables the build defines): findings there are dropped. */
  preludeLines: number;
  /** File offset of each character of the body, plus one past its end. */
  offsets: number[];
  /** Checks that do not apply where this script comes from (`SC1091`: sourced files are not on this machine). */
  exclude: readonly string[];
  /** File ranges [start, end) the script holds a stand-in for (a workflow's `${{ }}`), which the runner replaces. */
  placeholders: ReadonlyArray<readonly [number, number]>;
}

/** A script body and where each of its characters sits in the file. */
export interface MappedText {
  text: string;
  offsets: number[];
  /** Body index ranges [start, end) that stand in for something else. */
  placeholders?: ReadonlyArray<readonly [number, number]>;
}

const DIALECTS: Record<string, ShellDialect | undefined> = {
  bash: 'bash',
  sh: 'sh',
  ash: 'sh',
  busybox: 'sh',
  dash: 'dash',
  ksh: 'ksh',
  mksh: 'ksh',
};

/** The dialect of a shell program path (`/bin/bash`, `C:\\bin\\sh.exe`), or undefined when ShellCheck cannot read it. */
export function dialectOf(program: string): ShellDialect | undefined {
  const name = program
    .replace(/\\/g, '/')
    .split('/')
    .pop()!
    .toLowerCase()
    .replace(/\.exe$/, '');
  return DIALECTS[name];
}

export function makeScript(
  dialect: ShellDialect,
  prelude: readonly string[],
  body: MappedText,
  exclude: readonly string[],
): ShellScript {
  const head = prelude.map((line) => `${line}\n`).join('');
  const placeholders = (body.placeholders ?? []).map(
    ([from, to]) => [body.offsets[from], body.offsets[Math.max(to - 1, from)] + 1] as const,
  );
  return {
    dialect,
    text: head + body.text,
    preludeLines: prelude.length,
    offsets: body.offsets,
    exclude,
    placeholders,
  };
}

/** The offset map of a slice of the file taken as it is. */
export function verbatim(fileText: string, start: number, end: number): MappedText {
  return { text: fileText.slice(start, end), offsets: Array.from({ length: end - start + 1 }, (_, i) => start + i) };
}

/**
 * The file range [start, end) of a ShellCheck span (1-based lines and columns, tabs counted as one character
 * as `json1` does, end exclusive); undefined when it starts in the prelude. The end is placed just after the
 * span's last character, so a span that ends where a line continuation was removed stays on its token.
 */
export function fileSpan(
  script: ShellScript,
  from: { line: number; column: number },
  to: { line: number; column: number },
): [number, number] | undefined {
  const starts = lineStartsOf(script);
  const first = bodyIndex(script, starts, from.line, from.column);
  if (first === undefined) return undefined;
  const after = bodyIndex(script, starts, to.line, to.column) ?? first;
  const start = script.offsets[first];
  const end = after > first ? script.offsets[after - 1] + 1 : start;
  return [start, end];
}

function bodyIndex(script: ShellScript, starts: number[], line: number, column: number): number | undefined {
  const bodyLine = line - 1 - script.preludeLines;
  if (bodyLine < 0) return undefined;
  if (bodyLine >= starts.length) return script.offsets.length - 1;
  const lineEnd = bodyLine + 1 < starts.length ? starts[bodyLine + 1] - 1 : script.offsets.length - 1;
  return Math.min(starts[bodyLine] + Math.max(column - 1, 0), lineEnd);
}

/** Body offsets where each body line starts. */
function lineStartsOf(script: ShellScript): number[] {
  const body = script.text.split('\n').slice(script.preludeLines).join('\n');
  const starts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') starts.push(i + 1);
  return starts;
}
