/**
 * GitLab reads YAML 1.1 with merge keys, and adds `!reference [job, key…]`. The parser gives us the raw
 * AST, so these helpers resolve aliases, `<<` merges and `!reference` tags before any rule looks at a value.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { YamlFile } from '../../../engine/types';
import { scalarString, withMergeKeys } from '../../../engine/yaml/nav';

/** One file of the pipeline: its content document (after an optional `spec:` header) and top-level map. */
export interface Source {
  path: string;
  file: YamlFile<'gitlab-ci'>;
  document: Document.Parsed;
  root: YAMLMap | undefined;
}

/** A node together with the file it was read from, so its aliases and positions can be resolved. */
export interface Located<N extends Node = Node> {
  node: N;
  source: Source;
}

export interface Entry {
  key: string;
  pair: Pair<Scalar, Node | null>;
  source: Source;
  /** True when the key came in through a `<<: *anchor` merge rather than being written in this map. */
  merged: boolean;
}

/** Finds the value a `!reference [top-level key, key…]` points at, anywhere in the pipeline. */
export type ReferenceLookup = (path: readonly string[], depth: number) => Located | undefined;

const MAX_DEPTH = 10;

export class Resolver {
  constructor(private readonly lookup: ReferenceLookup) {}

  /** The node a value stands for: aliases followed, `!reference` tags replaced by their target. */
  deref(node: unknown, source: Source, depth = 0): Located | undefined {
    if (depth > MAX_DEPTH || node === null || node === undefined) return undefined;
    if (isAlias(node)) {
      const target = node.resolve(source.document);
      return target ? this.deref(target, source, depth + 1) : undefined;
    }
    if (isSeq(node) && node.tag === '!reference') {
      const path = node.items.map((item) => (isScalar(item) ? String(item.value) : undefined));
      if (path.length === 0 || path.some((step) => step === undefined)) return undefined;
      return this.lookup(path as string[], depth + 1);
    }
    return { node: node as Node, source };
  }

  /** Map entries with `<<` merges expanded; written keys first, so they win over merged ones. */
  entries(map: Located | undefined, depth = 0): Entry[] {
    if (!map || !isMap(map.node) || depth > MAX_DEPTH) return [];
    return withMergeKeys<Entry>(
      map.node,
      (key, pair) => ({ key, pair, source: map.source, merged: false }),
      // A `!reference` is itself a sequence, but names one source, not a list of them.
      (value) =>
        (isSeq(value) && value.tag !== '!reference' ? value.items : [value]).flatMap((part) =>
          this.entries(this.deref(part, map.source), depth + 1),
        ),
    );
  }

  /** The resolved value of one key of a map, merges included. */
  get(map: Located | undefined, key: string): Located | undefined {
    const entry = this.entries(map).find((candidate) => candidate.key === key);
    return entry ? this.deref(entry.pair.value, entry.source) : undefined;
  }

  /** Walk keys through maps (with merges), resolving each step. */
  getIn(start: Located | undefined, path: readonly string[]): Located | undefined {
    let current = start;
    for (const step of path) current = this.get(current, step);
    return current;
  }

  /**
   * The items of a list, with nested lists and `!reference`s that resolve to lists flattened one level
   * at a time, as GitLab does for `script`, `rules` and `needs`. Each item keeps `written`, the item of
   * this list that brought it in, so rules can report on something written where the list is.
   */
  items(list: Located | undefined, depth = 0): Array<Located & { written: Node }> {
    if (!list || !isSeq(list.node) || depth > MAX_DEPTH) return [];
    const result: Array<Located & { written: Node }> = [];
    for (const item of list.node.items) {
      const resolved = this.deref(item, list.source);
      if (!resolved) continue;
      if (isSeq(resolved.node)) {
        for (const inner of this.items(resolved, depth + 1)) result.push({ ...inner, written: item as Node });
      } else {
        result.push({ ...resolved, written: item as Node });
      }
    }
    return result;
  }
}

/** The scalar's text (numbers and booleans as written), or undefined. */
export function text(located: Located | undefined): string | undefined {
  return scalarString(located?.node);
}

/** GitLab parses YAML 1.1, where `yes`, `on` and friends are booleans too. */
export function booleanValue(located: Located | undefined): boolean | undefined {
  if (!located || !isScalar(located.node)) return undefined;
  const value = located.node.value;
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' || located.node.type !== 'PLAIN') return undefined;
  if (/^(y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(value)) return true;
  if (/^(n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/.test(value)) return false;
  return undefined;
}

/** A file with a `spec:` header keeps its configuration in the second YAML document. */
export function sourceOf(file: YamlFile<'gitlab-ci'>): Source {
  const [first, second] = file.documents;
  const document = second && pairKeys(first?.contents).includes('spec') ? second : first;
  const root = document && isMap(document.contents) ? document.contents : undefined;
  return { path: file.path, file, document, root };
}

function pairKeys(node: unknown): string[] {
  return isMap(node) ? node.items.map((item) => (isScalar(item.key) ? String(item.key.value) : '')) : [];
}
