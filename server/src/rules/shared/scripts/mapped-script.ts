/**
 * A script found inside a file (a Dockerfile's RUN, a workflow's `run:`) as an outside checker is to read
 * it, with the map that takes each of its characters back to the file it came from.
 */

export interface MappedScript {
  /** What the checker reads on stdin: `prelude` lines, then the script body. */
  text: string;
  /** Lines we put before the body (the shell's options, variables the build defines): findings there are dropped. */
  preludeLines: number;
  /** File offset of each character of the body, plus one past its end. */
  offsets: number[];
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

/** The script a checker reads: the prelude lines, then the body, with the body's stand-ins as file ranges. */
export function mappedScript(prelude: readonly string[], body: MappedText): MappedScript {
  const head = prelude.map((line) => `${line}\n`).join('');
  const placeholders = (body.placeholders ?? []).map(
    ([from, to]) => [body.offsets[from], body.offsets[Math.max(to - 1, from)] + 1] as const,
  );
  return { text: head + body.text, preludeLines: prelude.length, offsets: body.offsets, placeholders };
}

/** The offset map of a slice of the file taken as it is. */
export function verbatim(fileText: string, start: number, end: number): MappedText {
  return { text: fileText.slice(start, end), offsets: Array.from({ length: end - start + 1 }, (_, i) => start + i) };
}

/**
 * The file range [start, end) of a checker's span (1-based lines, and 1-based columns counted in the
 * script text's characters, end exclusive); undefined when it starts in the prelude. The end is placed just
 * after the span's last character, so a span that ends where a line continuation was removed stays on its token.
 */
export function fileSpan(
  script: MappedScript,
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

/** Whether the file range [start, end) touches one of the script's stand-ins. */
export function overlapsPlaceholder(script: MappedScript, start: number, end: number): boolean {
  return script.placeholders.some(([from, to]) => start < to && Math.max(end, start + 1) > from);
}

function bodyIndex(script: MappedScript, starts: number[], line: number, column: number): number | undefined {
  const bodyLine = line - 1 - script.preludeLines;
  if (bodyLine < 0) return undefined;
  if (bodyLine >= starts.length) return script.offsets.length - 1;
  const lineEnd = bodyLine + 1 < starts.length ? starts[bodyLine + 1] - 1 : script.offsets.length - 1;
  return Math.min(starts[bodyLine] + Math.max(column - 1, 0), lineEnd);
}

/** Body offsets where each body line starts. */
function lineStartsOf(script: MappedScript): number[] {
  const body = script.text.split('\n').slice(script.preludeLines).join('\n');
  const starts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') starts.push(i + 1);
  return starts;
}

/**
 * The offsets of a script whose source is now `by` characters further on in the file (an edit before
 * it), made on first call: they are read only to place a checker's findings, which most scripts have none of.
 */
export function relocatedOffsets(script: MappedScript, by: number): () => number[] {
  let offsets: number[] | undefined;
  return () => (offsets ??= script.offsets.map((offset) => offset + by));
}
