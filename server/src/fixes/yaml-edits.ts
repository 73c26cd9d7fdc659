/**
 * Text edits shared by the fixes of every YAML kind: lines added to block mappings at the indentation of
 * their keys, in the file's own line ending. Flow mappings (`{a: 1}`) get no edit: rewriting them is
 * riskier than the fix is worth.
 */
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { LineIndex } from '../engine/line-index';
import type { TextEdit } from './types';

/** What an edit needs to know of a file: its text and line index. */
interface EditableFile {
  text: string;
  lines: LineIndex;
}

/** The file's line ending, so an inserted line does not mix `\n` into a CRLF file. */
export function lineEnding(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Put `lines` (relative indentation kept) just before a key, at the key's column. */
export function insertBeforeKey(
  file: EditableFile,
  pair: Pair<Scalar, Node | null>,
  lines: readonly string[],
): TextEdit | undefined {
  const offset = pair.key.range?.[0];
  if (offset === undefined) return undefined;
  const indent = ' '.repeat(file.lines.positionAt(offset).character);
  const eol = lineEnding(file.text);
  return { range: file.lines.range(offset, offset), newText: lines.join(eol + indent) + eol + indent };
}

/** Add `key: value` lines as the first keys of a block mapping. */
export function insertIntoMap(
  file: EditableFile,
  map: YAMLMap | undefined,
  lines: readonly string[],
): TextEdit | undefined {
  if (!map || map.flow) return undefined;
  const first = map.items[0] as Pair<Scalar, Node | null> | undefined;
  return first ? insertBeforeKey(file, first, lines) : undefined;
}
