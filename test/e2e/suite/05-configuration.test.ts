import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { absent, fixtureUri, openFixture, present, readFixture, restoreFixture, waitForDiagnostics } from './helpers';

const CONFIG = '.shipshape.yaml';

suite('5. configuration without reload', () => {
  const originalConfig = readFixture(CONFIG);
  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration('shipshape', fixtureUri('Dockerfile'))
      .update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await restoreFixture(CONFIG, originalConfig);
  });

  test('"off" in the shipshape.rules setting removes the diagnostics; removing it brings them back', async () => {
    const rule = 'dockerfile/pin-base-image';
    const { document } = await openFixture('Dockerfile');
    await waitForDiagnostics(document.uri, rule, present, 'the diagnostic before the setting');

    const settings = vscode.workspace.getConfiguration('shipshape', document.uri);
    await settings.update('rules', { [rule]: 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, rule, absent, 'the diagnostic to go once the rule is off');

    await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, rule, present, 'the diagnostic to come back');
  });

  test('"off" in .shipshape.yaml removes the diagnostics; restoring the file brings them back', async () => {
    const rule = 'kubernetes/image-tag';
    const { document: manifest } = await openFixture('k8s/web.yaml');
    await waitForDiagnostics(manifest.uri, rule, present, 'the diagnostic before the config change');

    // Edited as a user would: in the editor, then saved.
    const config = await openFixture(CONFIG);
    const end = config.document.lineAt(config.document.lineCount - 1).range.end;
    assert.equal(
      await config.edit((edit) => edit.insert(end, `${end.character ? '\n' : ''}rules:\n  ${rule}: off\n`)),
      true,
    );
    await config.document.save();
    await waitForDiagnostics(manifest.uri, rule, absent, `the diagnostic to go once ${CONFIG} turns the rule off`);

    await restoreFixture(CONFIG, originalConfig);
    await waitForDiagnostics(manifest.uri, rule, present, `the diagnostic to come back once ${CONFIG} is restored`);
  });
});
