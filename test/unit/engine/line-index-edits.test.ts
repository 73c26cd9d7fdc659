/**
 * What typing reuses from the previous text must equal what reading the new text gives: the line index
 * worked out from the previous one (`LineIndex.edited`) and the changed part of two texts (`changedPart`,
 * which compares blocks of characters), over random edits with `\n`, `\r\n` and lone `\r` line breaks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../../server/src/engine/line-index';
import { changedPart } from '../../../server/src/engine/yaml/reparse';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const PIECES = ['a', 'bc', ' ', '\n', '\r\n', '\r', 'replicas: 3', ''];

function randomText(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

/** A naive character-by-character reading of the changed part. */
function naiveChangedPart(previous: string, text: string): { start: number; oldEnd: number } {
  let start = 0;
  const shortest = Math.min(previous.length, text.length);
  while (start < shortest && previous[start] === text[start]) start++;
  let suffix = 0;
  while (suffix < shortest - start && previous[previous.length - 1 - suffix] === text[text.length - 1 - suffix])
    suffix++;
  return { start, oldEnd: previous.length - suffix };
}

function positions(lines: LineIndex, text: string): string {
  const all = [];
  for (let offset = 0; offset <= text.length; offset++) all.push(lines.positionAt(offset));
  return JSON.stringify({ count: lines.lineCount, all });
}

test('after a random edit, the index worked out from the previous one equals one made from the new text', () => {
  const random = seeded(16);
  let kept = 0;
  for (let round = 0; round < 400; round++) {
    // Long texts too, so that whole blocks of characters are compared.
    const previous = randomText(random, round % 4 === 0 ? 2000 : 60);
    const at = Math.floor(random() * (previous.length + 1));
    const removed = Math.floor(random() * 4);
    const inserted = round % 3 === 0 ? PIECES[Math.floor(random() * PIECES.length)] : 'x'.repeat(round % 5);
    const text = previous.slice(0, at) + inserted + previous.slice(at + removed);
    const part = changedPart(previous, text);
    assert.deepEqual(part, naiveChangedPart(previous, text), `round ${round}`);
    const newEnd = part.oldEnd + text.length - previous.length;
    const edited = new LineIndex(previous).edited(text, part.start, part.oldEnd, newEnd);
    assert.equal(positions(edited, text), positions(new LineIndex(text), text), `round ${round}`);
    if (!/[\r\n]/.test(previous.slice(part.start, part.oldEnd) + text.slice(part.start, newEnd))) kept++;
  }
  // Most edits must take the path that moves line starts rather than reading the text again.
  assert.ok(kept > 150, `only ${kept} edits kept the previous index`);
});
