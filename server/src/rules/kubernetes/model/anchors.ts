/**
 * Where a finding about something *missing* goes. The field is absent, so the range is the closest
 * token that names the thing that lacks it: the container's name, the object's name.
 */
import type { Pair } from 'yaml';
import type { LineIndex } from '../../../engine/line-index';
import type { Range } from '../../../engine/types';
import { entries, keyRange, mapGet, nodeRange, pairOf } from '../../../engine/yaml/nav';
import type { KubernetesObject } from '../../../engine/kubernetes/objects';
import type { ContainerRef } from './pod-spec';

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The container's `name` value, else its first key. */
export function containerAnchor(lines: LineIndex, ref: ContainerRef): Range {
  return nodeRange(lines, mapGet(ref.container, 'name')) ?? firstKeyRange(lines, ref.container) ?? NOWHERE;
}

/** The object's `metadata.name` value, else its `kind` value. */
export function objectAnchor(lines: LineIndex, object: KubernetesObject): Range {
  return (
    nodeRange(lines, mapGet(mapGet(object.node, 'metadata'), 'name')) ??
    nodeRange(lines, mapGet(object.node, 'kind')) ??
    firstKeyRange(lines, object.node) ??
    NOWHERE
  );
}

/** `key: value` as one range, from the key's first character to the value's last. */
export function pairRange(lines: LineIndex, pair: Pair<unknown, unknown>): Range {
  const key = nodeRange(lines, pair.key as never);
  const value = nodeRange(lines, pair.value as never);
  if (!key) return value ?? NOWHERE;
  return value ? { start: key.start, end: value.end } : key;
}

/** The key of `key` in `map` if present, else the fallback. */
export function keyOr(lines: LineIndex, map: unknown, key: string, fallback: Range): Range {
  const pair = pairOf(map, key);
  return (pair && keyRange(lines, pair)) ?? fallback;
}

/** The first key of a mapping, e.g. `name` of a list item `- name: http`. */
export function firstKeyRange(lines: LineIndex, map: unknown): Range | undefined {
  const first = entries(map)[0];
  return first ? keyRange(lines, first.pair) : undefined;
}
