import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { workspace } from './fixtures';
import { LspSession, ofRule } from './lsp-session';

/** Whatever a user can type: the server answers, reports what it can, and stays up. */
const HOSTILE: Array<[string, string, string]> = [
  ['Dockerfile', 'dockerfile', 'FROM \\\n\\\n\0\u0001\uFFFF\nRUN <<EOF\nunterminated heredoc'],
  ['Dockerfile.escape', 'dockerfile', '# escape=`\nFROM alpine `\n:latest\nRUN echo `'],
  ['k8s/deep.yaml', 'yaml', `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(2000)}`],
  ['k8s/tabs.yaml', 'yaml', 'apiVersion: v1\nkind: Pod\n\tspec:\n\t\tcontainers: *undefined_alias\n'],
  [
    'k8s/anchors.yaml',
    'yaml',
    'apiVersion: v1\nkind: Pod\nmetadata: &m {name: x}\nspec:\n  containers:\n    - &c {name: a, image: *m}\n    - *c\n',
  ],
  [
    'k8s/scalars.yaml',
    'yaml',
    'apiVersion: v1\nkind: [Pod]\nspec: 42\n---\napiVersion: 1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: {}\n',
  ],
  ['.github/workflows/bad.yml', 'yaml', 'on: [push\njobs: "${{ github.event.issue.title"\n  x: |\n'],
  [
    '.github/workflows/shapes.yml',
    'yaml',
    'jobs:\n  a: 1\n  b:\n    steps: {run: 1}\n  c:\n    steps:\n      - run: [echo, "${{ github.head_ref }}"]\n',
  ],
  ['.gitlab-ci.yml', 'yaml', 'include: {local: [1, 2]}\n: : :\n'],
  ['compose.yaml', 'yaml', '"unterminated'],
  ['.shipshape.yaml', 'yaml', 'rules: [1, 2]\nignore: {a: b}\n'],
  [
    'k8s/huge.yaml',
    'yaml',
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n${Array.from({ length: 20000 }, (_, i) => `  key${i}: "${'x'.repeat(40)}"`).join('\n')}\n`,
  ],
];

describe('language server robustness', () => {
  let session: LspSession;
  let root: string;

  before(async () => {
    root = workspace();
    // What is checked here is that every input gets an answer; the time budget has its own tests (budget.test.ts).
    session = new LspSession({ pull: true, workspaceFolder: root, initializationOptions: { checkBudgetMs: 60_000 } });
    await session.initialize();
  });
  after(() => session.close());

  for (const [path, languageId, text] of HOSTILE) {
    test(`survives ${path}`, async () => {
      const document = await session.open(join(root, path), text, languageId);
      const diagnostics = await session.pullDiagnostics(document);
      assert.ok(Array.isArray(diagnostics));
      assert.ok(
        !diagnostics.some((d) => d.code === 'shipshape/internal-error'),
        JSON.stringify(diagnostics.filter((d) => d.code === 'shipshape/internal-error')),
      );
      // Every prefix of the text, as typed: no crash on any intermediate state.
      for (let end = 0; end < Math.min(text.length, 400); end += 7) await session.replace(document, text.slice(0, end));
      await session.pullDiagnostics(document);
    });
  }

  test('is still alive and answering', async () => {
    const document = await session.open(join(root, 'final/Dockerfile'), 'FROM node\n', 'dockerfile');
    const [finding] = ofRule(await session.pullDiagnostics(document), 'dockerfile/pin-base-image');
    assert.equal(finding.range.start.character, 5);
    assert.equal(session.exitCode, null);
  });
});
