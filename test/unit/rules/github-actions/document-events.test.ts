// GitHub's reader reads our document through events made in one walk (document-events.ts, issue 16):
// they must be the events its own generator makes, token for token, in the same order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineCounter, parseAllDocuments } from 'yaml';
import { documentEvents, readerEvents } from '../../../../server/src/rules/github-actions/parser/document-events';

const DOCUMENTS: Array<[string, string]> = [
  [
    'a workflow with block scalars, flow collections and expressions',
    [
      'on: {push: {branches: [main]}}',
      'jobs:',
      '  build:',
      '    runs-on: [self-hosted, "linux"]',
      '    timeout-minutes: 20',
      '    continue-on-error: false',
      '    steps:',
      '      - run: |',
      '          echo "${{ github.sha }}"',
      '      - run: >-',
      '          folded',
      "      - with: {a: 1, b: 'two', c: null, d: ~, e:}",
      '      - ? complex',
      '        : key',
      '',
    ].join('\n'),
  ],
  [
    'anchors, aliases and merge keys, and a value that contains itself',
    [
      'env: &env {A: 1, B: &b [x, y]}',
      'jobs:',
      '  a: &job',
      '    env: *env',
      '    needs: *b',
      '    <<: *env',
      '  b:',
      '    <<: *job',
      '  loop: &loop [1, *loop]',
      '',
    ].join('\n'),
  ],
  ['keys that are not strings, empty values', '1: one\ntrue: yes\n~: null\nempty:\nlist: []\nmap: {}\n'],
  ['an empty document', ''],
  ['a comment only', '# nothing\n'],
  ['a bare scalar', 'just text\n'],
];

for (const [name, text] of DOCUMENTS) {
  test(`${name}: the events are the reader's own`, () => {
    const lineCounter = new LineCounter();
    const [document] = parseAllDocuments(text, { lineCounter, keepSourceTokens: true, uniqueKeys: false }) as never[];
    if (!document) return;
    const walked = documentEvents(document, lineCounter, 3);
    assert.ok(walked, 'no events made');
    assert.deepStrictEqual([...{ [Symbol.iterator]: () => walked }], readerEvents(document, lineCounter, 3));
  });
}
