/**
 * The text of a `run:` scalar as the runner gets it, with the file offset of each character (through YAML
 * block scalars, folding and escapes), and its `${{ }}` expressions replaced by stand-ins of the same length.
 */
import type { Scalar } from 'yaml';
import type { LineIndex } from '../../../engine/line-index';
import { findExpressions } from '../../github-actions/model/expressions';
import { scalarValueStart } from '../yaml-scalar';
import { verbatim, type MappedText } from './mapped-script';

/**
 * Each `${{ … }}` as underscores of the same length (as actionlint does): the text keeps its shape and
 * offsets, and the runner's substitution is not mistaken for the script's own syntax.
 */
export function withPlaceholders(body: MappedText): MappedText {
  let text = body.text;
  const placeholders: Array<[number, number]> = [];
  for (const match of findExpressions(text)) {
    text = text.slice(0, match.start) + '_'.repeat(match.end - match.start) + text.slice(match.end);
    placeholders.push([match.start, match.end]);
  }
  return { text, offsets: body.offsets, placeholders };
}

/**
 * A scalar's value with the file offset of each character. Plain and quoted scalars written verbatim map
 * one to one; a literal block (`|`) line by line past its indentation; anything else (folded blocks, escapes)
 * by walking the source for each value character in turn.
 */
export function scalarText(lines: LineIndex, node: Scalar<string>): MappedText {
  const fileText = lines.text;
  const [start, end] = node.range!;
  const value = node.value;
  const verbatimStart = scalarValueStart(node, lines);
  if (verbatimStart !== undefined) return verbatim(fileText, verbatimStart, verbatimStart + value.length);
  const blockBody =
    node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? fileText.indexOf('\n', start) + 1 : start;
  if (node.type === 'BLOCK_LITERAL') {
    const mapped = literalBlock(fileText, blockBody, end, value);
    if (mapped) return mapped;
  }
  return walked(fileText, blockBody, end, value);
}

function literalBlock(fileText: string, from: number, end: number, value: string): MappedText | undefined {
  const sourceLines = fileText.slice(from, end).split('\n');
  const indent = Math.min(
    ...sourceLines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length),
  );
  const offsets: number[] = [];
  let lineStart = from;
  const valueLines = value.split('\n');
  for (let i = 0; i < valueLines.length; i++) {
    const source = sourceLines[i] ?? '';
    const line = valueLines[i];
    // Blank lines may be shorter than the indentation; a value line must be the source line past it.
    if (line !== '' && source.slice(indent, indent + line.length) !== line) return undefined;
    for (let c = 0; c < line.length; c++) offsets.push(lineStart + indent + c);
    if (i < valueLines.length - 1) offsets.push(lineStart + Math.max(source.length, 0));
    lineStart += source.length + 1;
  }
  offsets.push(offsets.length > 0 ? offsets[offsets.length - 1] + 1 : from);
  return { text: value, offsets };
}

function walked(fileText: string, from: number, end: number, value: string): MappedText {
  const offsets: number[] = [];
  let j = from;
  for (const ch of value) {
    let k = j;
    while (k < end && fileText[k] !== ch && !(ch === ' ' && fileText[k] === '\n')) k++;
    // A character the source spells otherwise (an escape): it stays where the walk is.
    const at = k < end ? k : j;
    for (let unit = 0; unit < ch.length; unit++) offsets.push(at + unit);
    if (k < end) j = k + ch.length;
  }
  offsets.push(j);
  return { text: value, offsets };
}
