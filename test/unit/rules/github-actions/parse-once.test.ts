// GitHub's parser reads the engine's own YAML document (read-parsed.ts, issue 16): its errors must be
// exactly those of the library's own entry points, which parse the text again.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { visit } from 'yaml';
import { parseFile } from '../../../../server/src/engine/parse';
import type { GitHubActionsFile } from '../../../../server/src/engine/types';
import { githubParseErrors, runParser } from '../../../../server/src/rules/github-actions/parser/github-parser';
import { parseGitHubFile } from '../../../../server/src/rules/github-actions/parser/read-parsed';
import {
  parseAction,
  parseWorkflow,
  type NoOperationTraceWriter,
} from '../../../../server/src/rules/github-actions/parser/workflow-parser.bundle';

/** The library as published: text in, its own parse. */
const textParser = {
  parse: (file: GitHubActionsFile, trace: NoOperationTraceWriter) =>
    (file.flavor === 'action' ? parseAction : parseWorkflow)({ name: file.path, content: file.text }, trace),
};

function parsed(path: string, text: string, flavor: 'workflow' | 'action'): GitHubActionsFile {
  return parseFile(path, text, { kind: 'github-actions', flavor }) as GitHubActionsFile;
}

const WORKFLOWS: Array<[string, string]> = [
  [
    'block scalars, anchors and aliases, expressions',
    `on:
  push:
    branches: [main]
env: &env
  A: 1
jobs:
  build:
    runs-on: ubuntu-latest
    env: *env
    if: \${{ github.event_name == 'push' && }}
    steps:
      - run: |
          echo "\${{ github.event.head_commit.message }}"
          make
      - run: >-
          folded \${{ matrix.nope }}
      - uses: actions/checkout@v4
        with: { fetch-depth: 0 }
      - run: plain over
          two lines \${{ nope.one }}
        env:
          Q: "quoted over
            two lines \${{ nope.two }}"
`,
  ],
  [
    'schema errors: unknown keys, missing runs-on, bad needs',
    `on: [push, nonsense]
jobs:
  a:
    steps:
      - run: x
    bogus: 1
  b:
    runs-on: ubuntu-latest
    needs: [a, missing]
    steps:
      - uses: actions/checkout@v4
        run: both
`,
  ],
  ['a scalar document', 'just text\n'],
  ['duplicate keys reach GitHub only through its own parse', 'on: push\non: pull_request\njobs: {}\n'],
  ['two documents', 'on: push\njobs: {}\n---\non: push\n'],
];

describe('GitHub parser over the engine document', () => {
  for (const [name, text] of WORKFLOWS) {
    test(`workflow: ${name}`, () => {
      const file = parsed('/repo/.github/workflows/ci.yml', text, 'workflow');
      const expected = runParser(parsed('/repo/.github/workflows/ci.yml', text, 'workflow'), textParser);
      assert.deepEqual(githubParseErrors(file), expected);
    });
  }

  for (const [name, text] of WORKFLOWS) {
    test(`workflow read a second time, from the tokens kept after the first read: ${name}`, () => {
      const file = parsed('/repo/.github/workflows/ci.yml', text, 'workflow');
      const expected = runParser(parsed('/repo/.github/workflows/ci.yml', text, 'workflow'), textParser);
      runParser(file, { parse: parseGitHubFile });
      assert.deepEqual(runParser(file, { parse: parseGitHubFile }), expected);
    });
  }

  test('action metadata', () => {
    const text = `name: x
description: y
inputs:
  token:
    required: maybe
runs:
  using: composite
  steps:
    - run: |
        echo hi
`;
    const expected = runParser(parsed('/repo/action.yml', text, 'action'), textParser);
    assert.ok(expected.length > 0, 'the case has errors to compare');
    assert.deepEqual(githubParseErrors(parsed('/repo/action.yml', text, 'action')), expected);
  });

  test('the schema cases above do produce errors, so the comparison means something', () => {
    const text = WORKFLOWS[1][1];
    assert.ok(githubParseErrors(parsed('/repo/.github/workflows/ci.yml', text, 'workflow')).length >= 3);
  });

  test('the source tokens kept for GitHub are let go once it has read the document, but for block scalars', () => {
    const file = parsed('/repo/.github/workflows/ci.yml', WORKFLOWS[0][1], 'workflow');
    const tokens = () => {
      const kept: unknown[] = [];
      visit(file.documents[0], (_key, node) => {
        // Pairs included; a let-go token is undefined (the property stays, so that nodes keep their shape).
        const token = (node as { srcToken?: unknown }).srcToken;
        if (token !== undefined) kept.push(token);
      });
      return kept;
    };
    assert.ok(tokens().length > 2);
    githubParseErrors(file);
    // The two block scalars keep what the reader takes from them, no offsets into an older text.
    assert.deepEqual(tokens(), [
      {
        type: 'block-scalar',
        source: '          echo "${{ github.event.head_commit.message }}"\n          make\n',
        props: [{ type: 'block-scalar-header', source: '|' }],
      },
      {
        type: 'block-scalar',
        source: '          folded ${{ matrix.nope }}\n',
        props: [{ type: 'block-scalar-header', source: '>-' }],
      },
    ]);
  });
});
