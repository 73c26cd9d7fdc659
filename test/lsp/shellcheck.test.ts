/**
 * ShellCheck in the language server, with the real `shellcheck` program: diagnostics on the exact
 * characters of RUN and run: scripts, in pull and push mode; the settings that turn it off or name the
 * program; a missing program said once, never as a diagnostic.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic, type Hover } from 'vscode-languageserver-protocol';
import { shellcheckAvailable } from '../helpers/shellcheck';
import { LspSession, ofRule } from './lsp-session';

const available = shellcheckAvailable();
const skip = !available && 'shellcheck is not installed (CI would fail here)';

const DOCKERFILE = 'FROM debian:12\nRUN apt-get update \\\n    && echo $name\n';
const WORKFLOW =
  'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo "${{ github.sha }}" $name\n';

const shellcheckOnly = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => String(d.code).startsWith('shellcheck/'));

describe('ShellCheck in the language server, pull diagnostics', { skip }, () => {
  let session: LspSession;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'shipshape-lsp-shellcheck-'));
    session = new LspSession({ pull: true, workspaceFolder: root });
    await session.initialize();
  });
  after(() => session.close());

  test('RUN and run: scripts get ShellCheck diagnostics on their tokens, linked to its wiki', async () => {
    const dockerfile = await session.open(join(root, 'Dockerfile'), DOCKERFILE, 'dockerfile');
    const quotes = (d: Diagnostic[]) => ofRule(d, 'shellcheck/SC2086');
    const [quote] = quotes(await session.pullUntil(dockerfile, (d) => quotes(d).length > 0, 'ShellCheck’s findings'));
    assert.equal(quote.source, 'shipshape');
    assert.equal(quote.severity, DiagnosticSeverity.Information);
    assert.equal(quote.codeDescription?.href, 'https://www.shellcheck.net/wiki/SC2086');
    assert.deepEqual(quote.range, { start: { line: 2, character: 12 }, end: { line: 2, character: 17 } });

    const workflow = await session.open(join(root, '.github/workflows/ci.yml'), WORKFLOW, 'yaml');
    const found = shellcheckOnly(
      await session.pullUntil(workflow, (d) => shellcheckOnly(d).length === 2, 'ShellCheck’s findings'),
    );
    assert.deepEqual(
      found.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['shellcheck/SC2086', 6, 35, 40],
        ['shellcheck/SC2154', 6, 35, 40],
      ],
    );

    const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: dockerfile },
      position: { line: 2, character: 14 },
    });
    const text = JSON.stringify(hover?.contents);
    assert.match(text, /shellcheck\/SC2086.*shellcheck:SC2086, hadolint:SC2086/);
  });

  test('an edit is checked again; shipshape.shellcheck.enabled: false turns it off', async () => {
    const dockerfile = await session.open(join(root, 'edited/Dockerfile'), DOCKERFILE, 'dockerfile');
    const quotes = (d: Diagnostic[]) => ofRule(d, 'shellcheck/SC2086');
    await session.pullUntil(dockerfile, (d) => quotes(d).length === 1, 'ShellCheck’s findings');
    await session.replace(dockerfile, DOCKERFILE.replace('$name', '"$name"'));
    assert.equal(ofRule(await session.pullDiagnostics(dockerfile), 'shellcheck/SC2086').length, 0);
    // An edited script is run again: its finding follows in a later pull, at the new place.
    await session.replace(dockerfile, DOCKERFILE.replace('$name', 'x $name'));
    const [moved] = quotes(
      await session.pullUntil(dockerfile, (d) => quotes(d).length === 1, 'the edited script’s finding'),
    );
    assert.deepEqual(moved.range, { start: { line: 2, character: 14 }, end: { line: 2, character: 19 } });

    await session.changeSettings({ rules: {}, shellcheck: { enabled: false } });
    const other = await session.open(join(root, 'off/Dockerfile'), DOCKERFILE, 'dockerfile');
    const diagnostics = await session.pullDiagnostics(other);
    assert.equal(shellcheckOnly(diagnostics).length, 0);
    assert.ok(ofRule(diagnostics, 'dockerfile/non-root-user').length > 0, 'the engine’s rules still run');
    await session.changeSettings({ rules: {} });
  });

  test('a shipshape.shellcheck.path that does not exist: one message, no diagnostics of it, other rules unharmed', async () => {
    await session.changeSettings({ rules: {}, shellcheck: { path: join(root, 'no-such-shellcheck') } });
    for (const name of ['one', 'two']) {
      const document = await session.open(join(root, name, 'Dockerfile'), DOCKERFILE, 'dockerfile');
      const diagnostics = await session.pullDiagnostics(document);
      assert.equal(shellcheckOnly(diagnostics).length, 0);
      assert.equal(ofRule(diagnostics, 'shipshape/internal-error').length, 0);
      assert.ok(ofRule(diagnostics, 'dockerfile/non-root-user').length > 0, 'the engine’s rules still run');
    }
    const messages = session.shownMessages.filter((m) => m.message.includes('no-such-shellcheck'));
    assert.equal(messages.length, 1, JSON.stringify(session.shownMessages));
    assert.match(messages[0].message, /was not found.*shipshape\.shellcheck\.path/);
    await session.changeSettings({ rules: {} });
  });
});

describe('ShellCheck in the language server, push diagnostics', { skip }, () => {
  let session: LspSession;
  let root: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'shipshape-lsp-shellcheck-push-'));
    session = new LspSession({ pull: false, workspaceFolder: root });
    await session.initialize();
  });
  after(() => session.close());

  test('ShellCheck findings are published with the engine’s', async () => {
    const dockerfile = await session.open(join(root, 'Dockerfile'), DOCKERFILE, 'dockerfile');
    const published = await session.publishedDiagnostics(dockerfile, (d) => ofRule(d, 'shellcheck/SC2086').length > 0);
    assert.ok(ofRule(published, 'dockerfile/non-root-user').length > 0, 'in the same publication');
    assert.deepEqual(ofRule(published, 'shellcheck/SC2086')[0].range, {
      start: { line: 2, character: 12 },
      end: { line: 2, character: 17 },
    });
  });
});
