/**
 * The events GitHub's YamlObjectReader reads a YAML document as (document, mapping and sequence starts and
 * ends, literals), made in one walk instead of by its recursive generator, which hands each event up
 * through one generator per level of nesting: about half of GitHub's parser's time on a 1,275-line
 * workflow, on every keystroke (issue 16). The same events, in the same order, with the same tokens: the
 * reader's own classes, learnt from the events it makes for a small document (they are not exported).
 */
import { isAlias, isCollection, isDocument, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { YamlObjectReader } from './workflow-parser.bundle';

type Range = { start: { line: number; column: number }; end: { line: number; column: number } } | undefined;

/** The reader's event and token classes, and the event types, as its own generator makes them. */
interface ReaderKinds {
  Event: new (type: unknown, token?: unknown) => { type: unknown; token?: unknown };
  MappingToken: new (fileId: number, range: Range, definition: undefined) => unknown;
  SequenceToken: new (fileId: number, range: Range, definition: undefined) => unknown;
  StringToken: new (fileId: number, range: Range, value: unknown, definition: undefined) => unknown;
  literalToken: (fileId: number, range: Range, scalar: unknown) => unknown;
  type: Record<
    'documentStart' | 'documentEnd' | 'mappingStart' | 'mappingEnd' | 'sequenceStart' | 'sequenceEnd' | 'literal',
    unknown
  >;
}

interface GeneratingReader {
  getNodes(node: unknown, aliases: Set<unknown>): Generator<{ type: unknown; token?: unknown }>;
}

/** The reader's own generator over a document (for learning its classes, and for tests). */
export function readerEvents(document: Document.Parsed, lineCounter: LineCounter, fileId: number) {
  const reader = Object.create(YamlObjectReader.prototype) as GeneratingReader & Record<string, unknown>;
  Object.assign(reader, { lineCounter, doc: document, fileId, errors: [] });
  return [...reader.getNodes(document, new Set())];
}

let kinds: ReaderKinds | null | undefined;

function learnKinds(): ReaderKinds | null {
  const lineCounter = new LineCounter();
  const document = parseDocument('a: [b]\n', { lineCounter, keepSourceTokens: true });
  const events = readerEvents(document, lineCounter, 0);
  const [documentStart, mappingStart, key, sequenceStart, literal, sequenceEnd, mappingEnd, documentEnd] = events;
  const literalToken = (YamlObjectReader as unknown as { getLiteralToken?: ReaderKinds['literalToken'] })
    .getLiteralToken;
  // Another version of the parser may make other events: its own generator is used then.
  if (events.length !== 8 || typeof literalToken !== 'function' || key.type !== literal.type) return null;
  const constructorOf = (token: unknown) => (token as { constructor: never }).constructor;
  return {
    Event: constructorOf(documentStart),
    MappingToken: constructorOf(mappingStart.token),
    SequenceToken: constructorOf(sequenceStart.token),
    StringToken: constructorOf(key.token),
    literalToken: literalToken.bind(YamlObjectReader),
    type: {
      documentStart: documentStart.type,
      documentEnd: documentEnd.type,
      mappingStart: mappingStart.type,
      mappingEnd: mappingEnd.type,
      sequenceStart: sequenceStart.type,
      sequenceEnd: sequenceEnd.type,
      literal: literal.type,
    },
  };
}

/**
 * The reader's events for `document`, as an iterator like its generator; undefined when they cannot be
 * made here (an unknown version of the parser, a document nested too deep for one walk, a node the
 * generator throws on), for the reader's own generator to make.
 */
export function documentEvents(
  document: Document.Parsed,
  lineCounter: LineCounter,
  fileId: number,
): Iterator<unknown> | undefined {
  if (kinds === undefined) kinds = learnKinds();
  if (kinds === null) return undefined;
  const { Event, MappingToken, SequenceToken, StringToken, literalToken, type } = kinds;
  const events: unknown[] = [];
  const range = (node: Node | null | undefined): Range => {
    const [start, end] = node?.range ?? [];
    if (start === undefined || end === undefined) return undefined;
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(end);
    return { start: { line: from.line, column: from.col }, end: { line: to.line, column: to.col } };
  };
  // What the generator does for each node, in its order (a node is one of these kinds at most).
  const walk = (node: unknown, aliases: Set<unknown>): void => {
    if (isDocument(node)) {
      events.push(new Event(type.documentStart));
      walk(node.contents, new Set());
      events.push(new Event(type.documentEnd));
    } else if (isCollection(node)) {
      const sequence = isSeq(node);
      if (sequence) events.push(new Event(type.sequenceStart, new SequenceToken(fileId, range(node), undefined)));
      else if (isMap(node)) events.push(new Event(type.mappingStart, new MappingToken(fileId, range(node), undefined)));
      for (const item of node.items) walk(item, aliases);
      if (sequence) events.push(new Event(type.sequenceEnd));
      else if (isMap(node)) events.push(new Event(type.mappingEnd));
    } else if (isScalar(node)) {
      events.push(new Event(type.literal, literalToken(fileId, range(node), node)));
    } else if (isAlias(node)) {
      // An alias reads as what it names, once per path: a value that contains itself ends there.
      const target = node.resolve(document);
      if (!target || aliases.has(target)) return;
      walk(target, new Set(aliases).add(target));
    } else if (isPair(node)) {
      const key = node.key as Node & { value: unknown };
      events.push(new Event(type.literal, new StringToken(fileId, range(key), key.value, undefined)));
      walk(node.value, aliases);
    }
  };
  try {
    walk(document, new Set());
  } catch {
    // Nested too deep for one walk, or a node the generator fails on too (a pair without a key): the
    // generator then fails where it would have, after the events before it were read.
    return undefined;
  }
  return events.values();
}
