/**
 * The update of a parse after an edit inside one plain scalar (engine/yaml/reparse.ts) must give exactly
 * what parsing the new text gives: every node's fields and ranges, the documents' ranges and comments,
 * the line starts. Random keystrokes inside and around values are compared with a full parse.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNode, LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import { reparseScalarEdit } from '../../../server/src/engine/yaml/reparse';

const BASE = [
  '# leading comment',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web, labels: {app: web, tier: "front"}}',
  'spec:',
  '  replicas: 3 # how many',
  '',
  '  count: 0x1F',
  '  ratio: 1.50',
  '  empty: ~',
  '  flag: true',
  '  list: [a, b-1, 2]',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '          args:',
  '            - --port=8080',
  '            - -v',
  '---',
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  '  # a comment before',
  '  namespace: prod',
  'spec: {ports: [{port: 80}]}',
  '',
].join('\n');

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Every field of every node (but the child nodes themselves, visited on their own), in visiting order. */
function snapshot(documents: Document.Parsed[], lineCounter: LineCounter): string {
  const parts: unknown[] = [lineCounter.lineStarts];
  for (const document of documents) {
    parts.push(['document', document.range, document.comment, document.commentBefore, document.errors.length]);
    visit(document, (key, node) => {
      if (node === null || typeof node !== 'object') return void parts.push([key, node]);
      // By name: the order fields were set in is no part of the parse.
      const fields = Object.entries(node)
        .filter(([name, value]) => name !== 'items' && !isNode(value))
        .sort(([a], [b]) => a.localeCompare(b));
      parts.push([key, node.constructor.name, fields]);
    });
  }
  return JSON.stringify(parts);
}

const parse = (text: string) => {
  const lineCounter = new LineCounter();
  return { documents: parseAllDocuments(text, { lineCounter }) as Document.Parsed[], lineCounter };
};

const KEYS = ['1', '9', 'a', 'Z', '.', '-', ':', '/', ' ', '#', ',', '"', '\n', 'x:'];

test('after random keystrokes in and around values, an updated parse equals a full parse of the new text', () => {
  const random = seeded(42);
  let text = BASE;
  let { documents, lineCounter } = parse(text);
  let updated = 0;
  for (let step = 0; step < 2000; step++) {
    if (step % 8 === 0) {
      text = BASE;
      ({ documents, lineCounter } = parse(text));
    }
    // Mostly next to a letter or digit, where a value's text is being typed.
    let at = Math.floor(random() * text.length);
    while (at < text.length && !/[A-Za-z0-9]/.test(text[at])) at++;
    const next =
      random() < 0.6
        ? text.slice(0, at + 1) + KEYS[Math.floor(random() * KEYS.length)] + text.slice(at + 1)
        : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 2));
    const reparsed = reparseScalarEdit(text, next, documents, lineCounter);
    const fresh = parse(next);
    if (reparsed) {
      updated++;
      assert.equal(
        snapshot(reparsed.documents, reparsed.lineCounter),
        snapshot(fresh.documents, fresh.lineCounter),
        `step ${step}: ${JSON.stringify(text)} → ${JSON.stringify(next)}`,
      );
      ({ documents, lineCounter } = reparsed);
    } else ({ documents, lineCounter } = fresh);
    text = next;
  }
  // Most keystrokes next to a value's characters can be taken by the update, or it would not be worth having.
  assert.ok(updated > 250, `only ${updated} of 2000 edits were updates`);
});

test('an edit that is not inside one plain value is left to a full parse', () => {
  const { documents, lineCounter } = parse(BASE);
  const cases: Array<[string, string]> = [
    ['replicas: 3', 'replicas: 3 4'],
    ['replicas: 3', 'replicas: "3'],
    ['replicas: 3', 'replicas: 3: 4'],
    ['replicas: 3', 'replicas: 3,'],
    ['replicas: 3', 'replicas:3'],
    ['replicas: 3', 'replicas: '],
    ['replicas: 3', 'replicaz: 3'],
    ['name: web,', 'name: w:eb,'],
    ['- -v', '- -'],
    ['kind: Service', 'kind: Service\n'],
  ];
  for (const [before, after] of cases) {
    assert.ok(BASE.includes(before), before);
    const next = BASE.replace(before, after);
    assert.equal(reparseScalarEdit(BASE, next, documents, lineCounter), undefined, `${before} → ${after}`);
  }
});
