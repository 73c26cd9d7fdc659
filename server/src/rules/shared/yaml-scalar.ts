/** Positions inside YAML scalars, for findings and fixes that target part of a value. */
import { isScalar } from 'yaml';
import type { LineIndex } from '../../engine/line-index';
import type { Range } from '../../engine/types';

/**
 * Offset of a string scalar's first value character (inside the quotes), or undefined when the source
 * is not the value verbatim (escapes, folded lines), where offsets into the value would be wrong.
 */
export function scalarValueStart(node: unknown, lines: LineIndex): number | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  if (node.type !== 'PLAIN' && node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') return undefined;
  const [start, end] = node.range;
  const offset = node.type === 'PLAIN' ? start : start + 1;
  const length = node.value.length;
  return offset + length <= end && lines.text.slice(offset, offset + length) === node.value ? offset : undefined;
}

/** The range of `value.slice(from, to)` in the source, when the scalar is written verbatim. */
export function scalarSliceRange(node: unknown, lines: LineIndex, from: number, to: number): Range | undefined {
  const start = scalarValueStart(node, lines);
  return start === undefined ? undefined : lines.range(start + from, start + to);
}
