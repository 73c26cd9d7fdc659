/**
 * Checks run on the server's worker thread with a time budget: the server keeps answering while a
 * large file is checked, and pathological inputs end in diagnostics or one clear internal-error
 * finding, never a frozen editor.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { workspace } from './fixtures';
import { LspSession, ofRule } from './lsp-session';

const INTERNAL = 'shipshape/internal-error';
/** Default budget (2 s) plus room for a loaded CI machine to answer at all. */
const WITHIN_BUDGET_MS = 8_000;

const hoverAt = (session: LspSession, documentUri: string, line: number, character: number) =>
  session.connection.sendRequest<Hover | null>('textDocument/hover', {
    textDocument: { uri: documentUri },
    position: { line, character },
  });

function manifest(containers: number): string {
  const lines = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: big}', 'spec:', '  template:'];
  lines.push('    spec:', '      containers:');
  for (let i = 0; i < containers; i++) lines.push(`        - name: c${i}`, `          image: nginx`);
  return `${lines.join('\n')}\n`;
}

/** A check's outcome within the budget: real findings, or one internal-error saying what happened. */
function assertClearOutcome(diagnostics: Diagnostic[]) {
  const internal = diagnostics.filter((d) => d.code === INTERNAL);
  assert.ok(internal.length <= 1, JSON.stringify(internal));
  if (internal[0])
    assert.match(String(internal[0].message), /took longer than \d+ ms \((in rule [\w-]+\/[\w-]+|while parsing it)\)/);
}

describe('language server, check budget', () => {
  test('a check over its budget gives one internal-error naming where it was; the server keeps answering', async () => {
    const root = workspace();
    const session = new LspSession({ pull: true, workspaceFolder: root, initializationOptions: { checkBudgetMs: 1 } });
    try {
      await session.initialize();
      const document = await session.open(join(root, 'k8s/big.yaml'), manifest(3000), 'yaml');
      const diagnostics = await session.pullDiagnostics(document);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      assert.equal(diagnostics[0].code, INTERNAL);
      assert.match(
        String(diagnostics[0].message),
        /took longer than 1 ms \((in rule [\w-]+\/[\w-]+|while parsing it)\) and was stopped/,
      );
      await session.waitFor(() => session.logs.find((line) => /checker restarted/.test(line)), 'the restart logged');
      const hover = await hoverAt(session, document, 0, 0);
      assert.match(JSON.stringify(hover), /internal-error/);
      assert.equal(session.exitCode, null);
    } finally {
      await session.close();
    }
  });
});

describe('language server under pathological input', () => {
  let session: LspSession;
  let root: string;
  let small: string;

  before(async () => {
    root = workspace();
    // Bytes that are not UTF-8, on disk: read with the workspace for cross-file rules.
    writeFileSync(join(root, 'binary.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3, 0x28, 0x0a, 0x80, 0x81]));
    session = new LspSession({ pull: true, workspaceFolder: root });
    await session.initialize();
    small = await session.open(join(root, 'small/Dockerfile'), 'FROM node\n', 'dockerfile');
    assert.equal(ofRule(await session.pullDiagnostics(small), 'dockerfile/pin-base-image').length, 1);
  });
  after(() => session.close());

  const cases: Array<[string, string, () => string]> = [
    [
      'a 40,000-line Dockerfile',
      'huge/Dockerfile',
      () => `FROM alpine:3.20\n${'RUN echo "$HOME" && ls -la /tmp \\\n  && true\n'.repeat(20_000)}`,
    ],
    [
      'a 400 KB single line',
      'k8s/line.yaml',
      () => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {a: "${'x'.repeat(400_000)}"}\n`,
    ],
    [
      '5,000-deep nesting',
      'k8s/nested.yaml',
      () => `apiVersion: v1\nkind: Pod\nspec: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`,
    ],
    [
      'a YAML alias bomb',
      'k8s/bomb.yaml',
      () =>
        [
          'apiVersion: v1',
          'kind: ConfigMap',
          'a: &a ["x","x","x","x","x","x","x","x","x"]',
          ...'bcdefghi'
            .split('')
            .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
          'data: {k: *i}',
        ].join('\n'),
    ],
    ['binary content', 'k8s/binary.yaml', () => '\u0000\u0001\u0002\uFFFD\uD800garbage\u0007'.repeat(2000)],
  ];

  for (const [what, path, text] of cases) {
    test(`${what}: diagnostics or one clear internal-error, within the budget, while hover answers`, async () => {
      const document = await session.open(
        join(root, path),
        text(),
        path.endsWith('Dockerfile') ? 'dockerfile' : 'yaml',
      );
      const started = Date.now();
      let checked = 0;
      const pulled = session.pullDiagnostics(document).then((diagnostics) => {
        checked = Date.now();
        return diagnostics;
      });
      const hover = await hoverAt(session, small, 0, 6);
      const answered = Date.now();
      assert.match(JSON.stringify(hover), /pin-base-image/);
      const diagnostics = await pulled;
      assert.ok(checked - started < WITHIN_BUDGET_MS, `checked after ${checked - started} ms`);
      assert.ok(answered <= checked, 'hover answered before the check ended');
      assertClearOutcome(diagnostics);
    });
  }

  test('a file whose kind changes while it is typed', async () => {
    const document = await session.open(join(root, 'deploy.yaml'), manifest(2), 'yaml');
    assertClearOutcome(await session.pullDiagnostics(document));
    await session.replace(document, 'services:\n  web:\n    image: nginx\n');
    await session.replace(document, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: echo}]\n');
    const diagnostics = await session.pullDiagnostics(document);
    assertClearOutcome(diagnostics);
    assert.ok(!diagnostics.some((d) => String(d.code).startsWith('kubernetes/')), JSON.stringify(diagnostics));
  });

  test('is still alive, with the non-UTF-8 file on disk read', async () => {
    const [finding] = ofRule(await session.pullDiagnostics(small), 'dockerfile/pin-base-image');
    assert.equal(finding.range.start.character, 5);
    assert.equal(session.exitCode, null);
  });
});
