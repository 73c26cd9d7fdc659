/**
 * Where actionlint's expected line for a whole-script check points. actionlint reports a pyflakes message
 * on the step's `run:` key, with the place in the script in its message (`pyflakes reported issue in this
 * script: 2:5: ...`); ours is on the token itself. So for such a check the expected file line is the script
 * line the message names (counted from the `run:` value), or, when the message does not say (a pattern
 * in err/), any line of that `run:` value.
 */
import { isPair, isScalar, LineCounter, parseDocument, visit } from 'yaml';

/** actionlint checks whose expected line is the `run:` key of the script the message is about. */
export const SCRIPT_SCOPED_CHECKS = new Set(['pyflakes']);

/** The 1-based file lines that answer an expected `run:`-key line, or undefined when no `run:` key is there. */
export function scriptLines(text: string, keyLine: number, message: string): Set<number> | undefined {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter });
  let lines: Set<number> | undefined;
  visit(document, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== 'run' || !isScalar(pair.value)) return;
      if (!pair.key.range || counter.linePos(pair.key.range[0]).line !== keyLine || !pair.value.range) return;
      const block = pair.value.type === 'BLOCK_LITERAL' || pair.value.type === 'BLOCK_FOLDED';
      const first = counter.linePos(pair.value.range[0]).line + (block ? 1 : 0);
      const last = counter.linePos(Math.max(pair.value.range[1] - 1, pair.value.range[0])).line;
      const named = /in this script: (\d+):\d+:/.exec(message)?.[1];
      lines = new Set<number>();
      if (named) lines.add(first + Number(named) - 1);
      else for (let line = first; line <= last; line++) lines.add(line);
    },
  });
  return lines;
}
