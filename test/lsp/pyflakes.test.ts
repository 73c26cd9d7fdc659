/**
 * pyflakes in the language server, with the real program: diagnostics on the exact tokens of `shell: python`
 * run: steps, in pull and push mode; an edit checked again; the settings that turn it off or name the
 * program; a missing program said once, never as a diagnostic.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { pyflakesProgram } from '../helpers/pyflakes';
import { LspSession, ofRule } from './lsp-session';

const skip = !pyflakesProgram() && 'pyflakes is not installed (CI would fail here)';

const WORKFLOW = [
  'on: push',
  'jobs:',
  '  a:',
  '    runs-on: ubuntu-latest',
  '    defaults:',
  '      run:',
  '        shell: python',
  '    steps:',
  '      - run: |',
  '          import os',
  '          print("${{ github.sha }}", $name)',
  '',
].join('\n');

const pyflakes = (diagnostics: Diagnostic[]) => ofRule(diagnostics, 'github-actions/pyflakes');
const summary = (diagnostics: Diagnostic[]) =>
  pyflakes(diagnostics).map((d) => [d.severity, d.range.start.line, d.range.start.character, d.range.end.character]);

describe('pyflakes in the language server, pull diagnostics', { skip }, () => {
  let session: LspSession;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'shipshape-lsp-pyflakes-'));
    session = new LspSession({ pull: true, workspaceFolder: root });
    await session.initialize();
  });
  after(() => session.close());

  test('python steps get pyflakes diagnostics on their tokens, linked to the rule’s page', async () => {
    const uri = await session.open(join(root, '.github/workflows/ci.yml'), WORKFLOW, 'yaml');
    const found = await session.pullUntil(uri, (d) => pyflakes(d).length > 0, 'pyflakes’s findings');
    // `$name` is not Python: a syntax error on the `$`, and pyflakes stops there.
    assert.deepEqual(summary(found), [[DiagnosticSeverity.Error, 10, 37, 38]]);
    const [diagnostic] = pyflakes(found);
    assert.equal(diagnostic.source, 'shipshape');
    assert.equal(diagnostic.message, 'Python syntax error: invalid syntax');
    assert.match(diagnostic.codeDescription?.href ?? '', /docs\/rules\/github-actions\/pyflakes\.md$/);
  });

  test('an edit is checked again; shipshape.pyflakes.enabled: false turns it off', async () => {
    const uri = await session.open(join(root, 'edited/.github/workflows/ci.yml'), WORKFLOW, 'yaml');
    await session.pullUntil(uri, (d) => pyflakes(d).length > 0, 'pyflakes’s findings');
    await session.replace(uri, WORKFLOW.replace('$name', 'name'));
    const edited = await session.pullUntil(uri, (d) => pyflakes(d).length === 2, 'the edited script’s findings');
    assert.deepEqual(summary(edited), [
      [DiagnosticSeverity.Warning, 9, 17, 19],
      [DiagnosticSeverity.Warning, 10, 37, 41],
    ]);
    assert.deepEqual(
      pyflakes(edited).map((d) => d.message),
      ["'os' imported but unused", "undefined name 'name'"],
    );

    await session.changeSettings({ rules: {}, pyflakes: { enabled: false } });
    const other = await session.open(join(root, 'off/.github/workflows/ci.yml'), WORKFLOW, 'yaml');
    const diagnostics = await session.pullDiagnostics(other);
    assert.equal(pyflakes(diagnostics).length, 0);
    assert.ok(ofRule(diagnostics, 'github-actions/permissions').length > 0, 'the engine’s rules still run');
    await session.changeSettings({ rules: {} });
  });

  test('a shipshape.pyflakes.path that does not exist: one message, no diagnostics of it, other rules unharmed', async () => {
    await session.changeSettings({ rules: {}, pyflakes: { path: join(root, 'no-such-pyflakes') } });
    for (const name of ['one', 'two']) {
      const uri = await session.open(join(root, name, '.github/workflows/ci.yml'), WORKFLOW, 'yaml');
      const diagnostics = await session.pullDiagnostics(uri);
      assert.equal(pyflakes(diagnostics).length, 0);
      assert.equal(ofRule(diagnostics, 'shipshape/internal-error').length, 0);
      assert.ok(ofRule(diagnostics, 'github-actions/permissions').length > 0, 'the engine’s rules still run');
    }
    const messages = session.shownMessages.filter((m) => m.message.includes('no-such-pyflakes'));
    assert.equal(messages.length, 1, JSON.stringify(session.shownMessages));
    assert.match(messages[0].message, /^pyflakes: .*was not found.*shipshape\.pyflakes\.path/);
    await session.changeSettings({ rules: {} });
  });
});

describe('pyflakes in the language server, push diagnostics', { skip }, () => {
  let session: LspSession;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'shipshape-lsp-pyflakes-push-'));
    session = new LspSession({ pull: false, workspaceFolder: root });
    await session.initialize();
  });
  after(() => session.close());

  test('pyflakes findings are published with the engine’s', async () => {
    const uri = await session.open(join(root, '.github/workflows/ci.yml'), WORKFLOW, 'yaml');
    const published = await session.publishedDiagnostics(uri, (d) => pyflakes(d).length > 0);
    assert.ok(ofRule(published, 'github-actions/permissions').length > 0, 'in the same publication');
    assert.deepEqual(summary(published), [[DiagnosticSeverity.Error, 10, 37, 38]]);
  });
});
