/**
 * Edits that set nested keys in block YAML mappings at the right indentation: missing levels are
 * inserted as new lines after the mapping's last entry, existing scalar keys get their value replaced.
 * Flow mappings (`{a: 1}`) get no edit: rewriting them is riskier than the fix is worth.
 */
import { isMap, isScalar, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { ParsedFile } from '../../engine/types';
import { pairOf } from '../../engine/yaml/nav';
import { lineEnding } from '../yaml-edits';
import type { TextEdit } from '../types';

/** Values to set: a scalar's text, or a nested block. */
export interface Tree {
  [key: string]: string | Tree;
}

/** Set `values` under `path` inside `map`, creating the missing levels. Undefined when it cannot be done safely. */
export function setIn(file: ParsedFile, map: YAMLMap, path: readonly string[], values: Tree): TextEdit[] | undefined {
  let current = map;
  let depth = 0;
  while (depth < path.length) {
    const pair = pairOf(current, path[depth]);
    if (!pair) break;
    if (!isMap(pair.value) || pair.value.flow) return undefined;
    current = pair.value;
    depth++;
  }
  if (current.flow || current.items.length === 0) return undefined;
  const edits: TextEdit[] = [];
  let toInsert: Tree = values;
  if (depth === path.length) {
    toInsert = {};
    for (const [key, value] of Object.entries(values)) {
      const existing = pairOf(current, key);
      const replaced = existing && typeof value === 'string' ? replaceValue(file, existing, value) : undefined;
      if (existing && !replaced) return undefined;
      if (replaced) edits.push(replaced);
      else toInsert[key] = value;
    }
  }
  for (const key of [...path.slice(depth)].reverse()) toInsert = { [key]: toInsert };
  if (Object.keys(toInsert).length > 0) {
    const insertion = appendToMap(file, current, toInsert);
    if (!insertion) return undefined;
    edits.push(insertion);
  }
  return edits;
}

/** Replace `key: old` with `key: value`, keeping the key and anything after the value. */
function replaceValue(file: ParsedFile, pair: Pair<Scalar, Node | null>, value: string): TextEdit | undefined {
  const keyEnd = pair.key.range?.[1];
  if (keyEnd === undefined || (pair.value && !isScalar(pair.value) && !isBlockValue(pair.value))) return undefined;
  let end = pair.value?.range?.[1] ?? keyEnd;
  while (end > keyEnd && /[\r\n]/.test(file.text[end - 1])) end--;
  const colon = file.text.indexOf(':', keyEnd);
  if (colon < 0 || colon > end) return undefined;
  return { range: file.lines.range(colon, end), newText: `: ${value}` };
}

function isBlockValue(node: Node): boolean {
  return 'items' in node;
}

/** New lines after the mapping's last entry, at the column of its keys. */
function appendToMap(file: ParsedFile, map: YAMLMap, tree: Tree): TextEdit | undefined {
  const first = map.items[0] as Pair<Scalar, Node | null>;
  const last = map.items[map.items.length - 1] as Pair<Scalar, Node | null>;
  const keyStart = first.key?.range?.[0];
  let end = last.value?.range?.[1] ?? last.key?.range?.[1];
  if (keyStart === undefined || end === undefined) return undefined;
  while (end > 0 && /[\r\n]/.test(file.text[end - 1])) end--;
  const line = file.lines.positionAt(end).line;
  const at = { line, character: file.lines.lineText(line).length };
  const eol = lineEnding(file.text);
  const indent = ' '.repeat(file.lines.positionAt(keyStart).character);
  return {
    range: { start: at, end: at },
    newText: render(tree, indent)
      .map((text) => eol + text)
      .join(''),
  };
}

function render(tree: Tree, indent: string): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${indent}${key}: ${value}`] : [`${indent}${key}:`, ...render(value, `${indent}  `)],
  );
}
