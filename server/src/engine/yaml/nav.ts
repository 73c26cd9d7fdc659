/**
 * Small, typed helpers for walking `yaml` ASTs with their source ranges.
 * Rules use these instead of `toJS()`, because only the AST keeps positions.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex } from '../line-index';
import type { Range } from '../range';

export type YamlNode = Node | null | undefined;

export function pairOf(map: unknown, key: string): Pair<Scalar, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair<Scalar, Node | null>;
  }
  return undefined;
}

export function mapGet(map: unknown, key: string): YamlNode {
  return pairOf(map, key)?.value ?? undefined;
}

/** Follow string keys through maps and numeric indexes through sequences. */
export function getIn(node: unknown, path: readonly (string | number)[]): YamlNode {
  let current: unknown = node;
  for (const step of path) {
    if (typeof step === 'number') current = isSeq(current) ? current.items[step] : undefined;
    else current = mapGet(current, step);
    if (current === undefined || current === null) return undefined;
  }
  return current as YamlNode;
}

export function asMap(node: unknown): YAMLMap | undefined {
  return isMap(node) ? node : undefined;
}

export function asSeq(node: unknown): YAMLSeq | undefined {
  return isSeq(node) ? node : undefined;
}

/** A scalar's value as a string (numbers and booleans as written), or undefined for anything else. */
export function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof node.source === 'string') return node.source;
  return String(value);
}

/**
 * A map's entries with `<<` merge keys expanded: the keys written in the map first, then the merged ones
 * it does not write itself, the first merge source winning. How a merge source is found (aliases, GitLab's
 * `!reference`) is the caller's: `mergedFrom` turns a `<<` value into that source's own entries.
 */
export function withMergeKeys<E extends { key: string; merged: boolean }>(
  map: YAMLMap,
  written: (key: string, pair: Pair<Scalar, Node | null>) => E,
  mergedFrom: (value: unknown) => E[],
): E[] {
  const own: E[] = [];
  const merged: E[] = [];
  for (const { key, pair } of entries(map)) {
    if (key === '<<') merged.push(...mergedFrom(pair.value).map((entry) => ({ ...entry, merged: true })));
    else own.push(written(key, pair));
  }
  const seen = new Set(own.map((entry) => entry.key));
  return [...own, ...merged.filter((entry) => !seen.has(entry.key) && seen.add(entry.key))];
}

/** Map entries with string keys, in source order. */
export function entries(map: unknown): Array<{ key: string; pair: Pair<Scalar, Node | null> }> {
  if (!isMap(map)) return [];
  const result: Array<{ key: string; pair: Pair<Scalar, Node | null> }> = [];
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key))
      result.push({ key: String(item.key.value), pair: item as Pair<Scalar, Node | null> });
  }
  return result;
}

/** The source range of a node, from its first character to the end of its value (not trailing comments). */
export function nodeRange(lines: LineIndex, node: Node | null | undefined): Range | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return lines.range(range[0], range[1]);
}

/** The range of a pair's key, the usual target for "this field is wrong". */
export function keyRange(lines: LineIndex, pair: Pair<Scalar, unknown>): Range | undefined {
  return nodeRange(lines, pair.key);
}
