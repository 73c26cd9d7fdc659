import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { openFixture, present, waitForDiagnostics } from './helpers';
import { screenshot } from './screenshots';

/**
 * The README's pictures, taken from the real workbench at the end of the run (the runner writes them
 * to docs/images with --update-screenshots). Each test also checks that the UI shows the thing: the
 * runner fails the request when the widget does not appear.
 */
suite('README screenshots', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function dockerfileWithDiagnostic() {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openFixture('Dockerfile');
    const [diagnostic] = await waitForDiagnostics(
      editor.document.uri,
      'dockerfile/pin-base-image',
      present,
      'the diagnostic to show',
    );
    editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
    return editor;
  }

  test('diagnostics in the editor, with the hover that explains one', async () => {
    await dockerfileWithDiagnostic();
    // The mouse rests on the squiggle, as a user's would: the hover shows the message and docs link.
    // The hover is complete once its Quick Fix link is there (code actions computed).
    await screenshot('editor-diagnostics', '.monaco-hover >> text=/Quick Fix/', {
      hover: '.view-overlays .squiggly-warning',
    });
  });

  test('the Problems panel', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Diagnostics are pulled for open files: open the three, each with its finding, Dockerfile last.
    const files = [
      ['k8s/web.yaml', 'kubernetes/image-tag'],
      ['.github/workflows/triage.yml', 'github-actions/script-injection'],
      ['Dockerfile', 'dockerfile/pin-base-image'],
    ];
    for (const [file, rule] of files) {
      const editor = await openFixture(file);
      await waitForDiagnostics(editor.document.uri, rule, present, 'the diagnostic to list');
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems-panel', '.markers-panel .monaco-list-row');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  test('the quick fix menu', async () => {
    await dockerfileWithDiagnostic();
    await vscode.commands.executeCommand('editor.action.quickFix');
    await screenshot('quick-fix', '.action-widget .monaco-list-row');
    await vscode.commands.executeCommand('hideCodeActionWidget');
  });
});
