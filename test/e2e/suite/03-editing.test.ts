import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { absent, openFixture, present, rangeText, readFixture, restoreFixture, waitForDiagnostics } from './helpers';

const FILE = 'edit/Dockerfile';
const RULE = 'dockerfile/pin-base-image';

suite('3. editing', () => {
  const original = readFixture(FILE);
  suiteTeardown(() => restoreFixture(FILE, original));

  test('typing a :latest tag shows the diagnostic; undoing it clears it', async () => {
    const editor = await openFixture(FILE);
    const uri = editor.document.uri;
    // The pinned fixture is clean, and the server has looked at it (other rules may report).
    await waitForDiagnostics(uri, RULE, absent, 'no diagnostic on the pinned image');

    const tag = editor.document.lineAt(0).text.indexOf('22.12-bookworm-slim');
    assert.ok(tag > 0, 'fixture changed: expected FROM node:22.12-bookworm-slim');
    await editor.edit((edit) =>
      edit.replace(new vscode.Range(0, tag, 0, tag + '22.12-bookworm-slim'.length), 'latest'),
    );
    const [diagnostic] = await waitForDiagnostics(uri, RULE, present, 'the diagnostic after the edit');
    assert.equal(rangeText(diagnostic.range), '1:11-1:17');
    assert.equal(editor.document.getText(diagnostic.range), 'latest');

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.lineAt(0).text, 'FROM node:22.12-bookworm-slim');
    await waitForDiagnostics(uri, RULE, absent, 'the diagnostic to clear after undo');
  });
});
