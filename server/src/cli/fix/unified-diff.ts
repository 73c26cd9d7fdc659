/** `--fix-dry-run`: a unified diff (as `diff -u` and `git apply` read it) of a file before and after. */

const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; text: string };

export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const hunks: string[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i].kind === ' ') {
      i++;
      continue;
    }
    // A hunk: from CONTEXT lines before this change to CONTEXT lines after the last change close to it.
    let start = i;
    let contextBefore = 0;
    while (start > 0 && ops[start - 1].kind === ' ' && contextBefore < CONTEXT) {
      start--;
      contextBefore++;
    }
    let end = i;
    let lastChange = i;
    while (end < ops.length) {
      if (ops[end].kind !== ' ') lastChange = end;
      else if (end - lastChange > 2 * CONTEXT) break;
      end++;
    }
    end = Math.min(ops.length, lastChange + CONTEXT + 1);
    const oldStart = 1 + ops.slice(0, start).filter((op) => op.kind !== '+').length;
    const newStart = 1 + ops.slice(0, start).filter((op) => op.kind !== '-').length;
    const body = ops.slice(start, end);
    const oldCount = body.filter((op) => op.kind !== '+').length;
    const newCount = body.filter((op) => op.kind !== '-').length;
    hunks.push(
      `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`,
      ...body.flatMap((op) => {
        const line = `${op.kind}${op.text.replace(/\r?\n$|\r$/, '')}`;
        return /\n$|\r$/.test(op.text) ? [line] : [line, '\\ No newline at end of file'];
      }),
    );
    i = end;
  }
  return [`--- a/${path}`, `+++ b/${path}`, ...hunks].join('\n');
}

function range(start: number, count: number): string {
  // diff -u writes an empty range as the line before it.
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** Lines with their line breaks, so that a changed line ending is a change. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Longest common subsequence of lines; files we fix are small (a few thousand lines at most). */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  // Common head and tail first: most fixes touch a few lines of a long file.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i][j] = x[i] === y[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const middle: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      middle.push({ kind: ' ', text: x[i++] });
      j++;
    } else if (i < x.length && (j === y.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      middle.push({ kind: '-', text: x[i++] });
    } else {
      middle.push({ kind: '+', text: y[j++] });
    }
  }
  return [
    ...a.slice(0, head).map((text): Op => ({ kind: ' ', text })),
    ...middle,
    ...a.slice(a.length - tail).map((text): Op => ({ kind: ' ', text })),
  ];
}
