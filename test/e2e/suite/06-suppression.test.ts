import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { absent, openFixture, present, readFixture, restoreFixture, waitForDiagnostics } from './helpers';

const FILE = 'k8s/web.yaml';
const RULE = 'kubernetes/image-tag';

suite('6. suppression comment', () => {
  const original = readFixture(FILE);
  suiteTeardown(() => restoreFixture(FILE, original));

  test('a shipshape-ignore comment typed above the line removes the diagnostic', async () => {
    const editor = await openFixture(FILE);
    const [diagnostic] = await waitForDiagnostics(editor.document.uri, RULE, present, 'the diagnostic to suppress');
    const line = diagnostic.range.start.line;
    const indent = editor.document.lineAt(line).firstNonWhitespaceCharacterIndex;

    // Typed through the editor's `type` command, keystroke handling (auto-indent) included.
    editor.selection = new vscode.Selection(line, indent, line, indent);
    await vscode.commands.executeCommand('type', { text: `# shipshape-ignore ${RULE} -- pinned by the release job\n` });
    assert.equal(editor.document.lineAt(line).text.trim(), `# shipshape-ignore ${RULE} -- pinned by the release job`);
    assert.equal(editor.document.lineAt(line + 1).text, original.split('\n')[line]);

    await waitForDiagnostics(editor.document.uri, RULE, absent, 'the diagnostic to go after the comment');
  });
});
