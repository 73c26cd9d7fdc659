/**
 * Typing in the value of a YAML key (a replica count, an image tag) changes one plain scalar and moves
 * everything after it: the file's next parse is the previous one with that scalar's value replaced and
 * the offsets after it shifted. Parsing a 2,000-line manifest again on every keystroke was most of the
 * editor's check time (issue 16); this update costs a walk over the nodes' ranges.
 *
 * Taken only when that is exactly what a full parse would give, else the caller parses the text again:
 * the previous documents parsed without errors or warnings and without directives, the edit lies inside
 * one plain scalar that is a value (not a key, anchor or tagged), and the scalar's old and new source
 * are each one token of plain characters that cannot end it, start another token or change how the
 * text around it reads. The new value is resolved by the `yaml` library itself, as a full parse would.
 * In files parsed with source tokens (workflows, whose tokens GitHub's parser reads) the edited scalar
 * loses its token, which no longer matches its text; the other tokens hold no offsets that are read.
 */
import {
  Alias,
  isCollection,
  isNode,
  isScalar,
  LineCounter,
  Pair,
  parseDocument,
  Scalar,
  visit,
  YAMLMap,
  YAMLSeq,
  type Document,
} from 'yaml';

/** Characters of a plain scalar that cannot end it or begin another token (no spaces, `#`, `,`, brackets, quotes). */
const PLAIN_BODY = String.raw`[A-Za-z0-9_./~+=^$%@-]`;
/** In block context a `:` followed by another plain character stays in the scalar (`nginx:1.27`). */
const BLOCK_PLAIN = new RegExp(
  String.raw`^[A-Za-z0-9_./~+=^$](?:${PLAIN_BODY}|:(?=${PLAIN_BODY}))*$|^-${PLAIN_BODY}+$`,
);
/** In flow context (`{a: b}`, `[a, b]`) a `:` may start a value: left out. */
const FLOW_PLAIN = new RegExp(String.raw`^[A-Za-z0-9_./~+=^$]${PLAIN_BODY}*$|^-${PLAIN_BODY}+$`);

/** The fields of a plain scalar that come from its text (`format`: hex or octal ints, `minFractionDigits`: `1.50`). */
const RESOLVED_FIELDS = ['value', 'source', 'type', 'format', 'minFractionDigits', 'tag'] as const;

export interface Reparsed {
  documents: Document.Parsed[];
  lineCounter: LineCounter;
  /** The scalar whose value the edit changed. */
  scalar: Scalar;
  /** The edit: [start, oldEnd) of the previous text became [start, newEnd) of the new one. */
  edit: { start: number; oldEnd: number; newEnd: number };
}

/**
 * The documents of `text`, made from `documents` (the parse of `previous`), or undefined when the edit
 * between the texts is not a change inside one plain scalar value. Only when it returns documents are
 * the given ones changed (updated in place: the caller drops the previous parse).
 */
export function reparseScalarEdit(
  previous: string,
  text: string,
  documents: Document.Parsed[],
  lineCounter: LineCounter,
): Reparsed | undefined {
  if (previous === text || /^%/m.test(text)) return undefined;
  const { start, oldEnd } = changedPart(previous, text);
  const delta = text.length - previous.length;

  if (documents.some((document) => document.errors.length > 0 || document.warnings.length > 0)) return undefined;
  const document = documents.find((each) => each.range[0] <= start && oldEnd <= each.range[2]);
  if (!document || document.directives?.yaml.explicit) return undefined;
  const target = scalarValueAround(document, start, oldEnd);
  if (!target) return undefined;
  const { scalar, flow } = target;
  // The walk below tells nodes apart by yaml's classes: nodes of another copy of the library are parsed again.
  if (!(scalar instanceof Scalar)) return undefined;
  const plain = flow ? FLOW_PLAIN : BLOCK_PLAIN;
  if (!scalar.range) return undefined;
  const [from, valueEnd] = scalar.range;
  const oldSource = previous.slice(from, valueEnd);
  const newSource = text.slice(from, valueEnd + delta);
  if (!plain.test(oldSource) || !plain.test(newSource)) return undefined;
  const resolved = parseDocument(newSource).contents;
  if (!isScalar(resolved) || resolved.type !== 'PLAIN' || resolved.source !== newSource) return undefined;

  // From here the update is certain: shift every offset after the edit, then replace the scalar's value.
  const shift = (offset: number, isEnd: boolean) =>
    offset > oldEnd || (offset === oldEnd && (isEnd || oldEnd > start)) ? offset + delta : offset;
  for (const each of documents) {
    if (each.range[2] < start) continue;
    shiftRange(each.range, shift);
    shiftNodes(each.contents, start, shift);
  }
  // What resolving the text sets; comments and blank lines around the scalar stay as they were.
  const fields = scalar as unknown as Record<string, unknown>;
  for (const key of RESOLVED_FIELDS) {
    const value = (resolved as unknown as Record<string, unknown>)[key];
    if (value === undefined) delete fields[key];
    else fields[key] = value;
  }
  delete fields.srcToken;

  const lines = new LineCounter();
  for (const lineStart of lineCounter.lineStarts) lines.addNewLine(lineStart > start ? lineStart + delta : lineStart);
  return { documents, lineCounter: lines, scalar, edit: { start, oldEnd, newEnd: oldEnd + delta } };
}

/** Compared a block of characters at a time: one character at a time cost more than the rest of the update. */
const BLOCK = 256;

/** Where two texts start to differ, and where the part that differs ends in the first (the rest is the same). */
export function changedPart(previous: string, text: string): { start: number; oldEnd: number } {
  const shortest = Math.min(previous.length, text.length);
  let start = 0;
  while (start + BLOCK <= shortest && previous.slice(start, start + BLOCK) === text.slice(start, start + BLOCK))
    start += BLOCK;
  while (start < shortest && previous.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  const most = shortest - start;
  while (
    suffix + BLOCK <= most &&
    previous.slice(previous.length - suffix - BLOCK, previous.length - suffix) ===
      text.slice(text.length - suffix - BLOCK, text.length - suffix)
  )
    suffix += BLOCK;
  while (
    suffix < most &&
    previous.charCodeAt(previous.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  )
    suffix++;
  return { start, oldEnd: previous.length - suffix };
}

/**
 * The ranges of `node` and the nodes below it, but for those that end before `start`, with what is below
 * them (a loop of our own: yaml's `visit` costs several times more per node). The node types are told
 * apart with `instanceof` on yaml's node classes rather than its `isPair`/`isNode`/`isCollection`, each a
 * property lookup on every kind of node in turn: over the thousands of nodes of a large manifest this
 * walk was the largest part of the update.
 */
function shiftNodes(node: unknown, start: number, shift: (offset: number, isEnd: boolean) => number): void {
  if (node instanceof Pair) {
    shiftNodes(node.key, start, shift);
    shiftNodes(node.value, start, shift);
    return;
  }
  let items: unknown[] | undefined;
  if (node instanceof YAMLMap || node instanceof YAMLSeq) items = node.items;
  else if (!(node instanceof Scalar || node instanceof Alias)) return;
  const range = node.range;
  if (!range || range[2] < start) return;
  shiftRange(range, shift);
  if (items) for (const item of items) shiftNodes(item, start, shift);
}

function shiftRange(range: [number, number, number], shift: (offset: number, isEnd: boolean) => number): void {
  range[0] = shift(range[0], false);
  range[1] = shift(range[1], true);
  range[2] = shift(range[2], true);
}

/** The plain scalar value (not key) whose source holds [start, end], and whether it sits in a flow collection. */
function scalarValueAround(
  document: Document.Parsed,
  start: number,
  end: number,
): { scalar: Scalar; flow: boolean } | undefined {
  let found: { scalar: Scalar; flow: boolean } | undefined;
  visit(document, (key, node, path) => {
    if (!isNode(node)) return undefined;
    const range = node.range;
    if (!range || range[0] > start || end > range[2]) return visit.SKIP;
    if (!isScalar(node)) return undefined;
    const inside = range[0] <= start && end <= range[1];
    if (inside && key !== 'key' && path.length > 1 && node.type === 'PLAIN' && !node.anchor && !node.tag) {
      const flow = path.some((ancestor) => isCollection(ancestor) && ancestor.flow === true);
      found = { scalar: node, flow };
    }
    return visit.BREAK;
  });
  return found;
}
