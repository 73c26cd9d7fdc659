import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
  absent,
  codeActionsFor,
  openFixture,
  present,
  readFixture,
  restoreFixture,
  waitForDiagnostics,
} from './helpers';

const FILE = 'Dockerfile';
const RULE = 'dockerfile/pin-base-image';

suite('4. quick fix', () => {
  const original = readFixture(FILE);
  teardown(() => restoreFixture(FILE, original));

  test("the rule's preferred fix (a snippet edit, placeholder for the tag) pins the image and clears the diagnostic", async () => {
    const editor = await openFixture(FILE);
    const uri = editor.document.uri;
    const [diagnostic] = await waitForDiagnostics(uri, RULE, present, 'the diagnostic to fix');
    const fix = await codeActionsFor(
      uri,
      diagnostic.range,
      (actions) => actions.find((a) => a.isPreferred && !a.title.startsWith('Ignore ')),
      'the preferred fix',
    );
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.edit, `"${fix.title}" carries its edit`);

    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const line = editor.document.lineAt(0).text;
    assert.match(line, /^FROM node:\S+$/);
    assert.doesNotMatch(line, /latest/);
    await waitForDiagnostics(uri, RULE, absent, 'the diagnostic to clear after the fix');
  });

  test('the code action provider returns the ignore-on-this-line fix; applying it changes the document and clears the diagnostic', async () => {
    const editor = await openFixture(FILE);
    const uri = editor.document.uri;
    const [diagnostic] = await waitForDiagnostics(uri, RULE, present, 'the diagnostic to fix');

    const title = `Ignore ${RULE} on this line`;
    const fix = await codeActionsFor(
      uri,
      diagnostic.range,
      (actions) => actions.find((action) => action.title === title),
      `"${title}"`,
    );
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.edit, 'the fix carries its edit (no command round-trip)');

    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(editor.document.getText(), new RegExp(`^# shipshape-ignore ${RULE}\\b.*\\nFROM node:latest\\n`));
    await waitForDiagnostics(uri, RULE, absent, 'the diagnostic to clear after the fix');
  });
});
