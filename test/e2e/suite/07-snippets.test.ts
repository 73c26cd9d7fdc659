import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openFixture } from './helpers';

suite('7. snippets', () => {
  test('Shipshape snippets are offered by completion in a Dockerfile', async () => {
    const editor = await openFixture('snippet/Dockerfile');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      end,
    );
    const snippets = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet);
    const labels = snippets.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const prefix of ['dockerfile-node', 'dockerfile-python', 'dockerfile-go']) {
      assert.ok(
        labels.includes(prefix),
        `snippet ${prefix} not offered; snippets offered: ${labels.join(', ') || 'none'}`,
      );
    }
    // Snippets of other file kinds stay out of Dockerfiles.
    assert.ok(
      !labels.some((label) => label.startsWith('k8s-')),
      `Kubernetes snippets offered in a Dockerfile: ${labels.join(', ')}`,
    );
  });
});
