import * as assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { prepareParsers } from '../../../server/src/host/shell-parser';
import { describe as describeFinding, lint } from '../../helpers/lint';
import { codeOf, openFixture, present, rangeText, waitForDiagnostics } from './helpers';

const DOCS = 'https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/';

/**
 * Each fixture file and the rule it breaks. The expected place is what the engine reports for the same
 * text (its exact token ranges are pinned by the rule's unit tests): here we check that VS Code shows
 * exactly that range, not a line or a neighbour, after the trip through the language server.
 */
const CASES = [
  { file: 'Dockerfile', ruleId: 'dockerfile/pin-base-image', token: 'latest' },
  // A finding from the RUN script: the packaged server loads the shell parser's WebAssembly from dist/wasm/.
  { file: 'shell/Dockerfile', ruleId: 'dockerfile/pipefail', token: '|' },
  { file: 'k8s/web.yaml', ruleId: 'kubernetes/image-tag', token: /^(nginx:)?latest$/ },
  {
    file: '.github/workflows/triage.yml',
    ruleId: 'github-actions/script-injection',
    token: 'github.event.issue.title',
  },
];

suite('2. diagnostics', () => {
  // The expected findings come from the engine in this process, which needs the shell parser too.
  suiteSetup(() => prepareParsers(['dockerfile']));
  for (const { file, ruleId, token } of CASES) {
    test(`${file}: ${ruleId} with code, docs link and exact range`, async () => {
      const editor = await openFixture(file);
      const text = editor.document.getText();
      const [diagnostic, ...others] = await waitForDiagnostics(editor.document.uri, ruleId, present, 'the diagnostic');
      assert.equal(others.length, 0, `one ${ruleId} diagnostic expected`);
      assert.equal(diagnostic.source, 'shipshape');
      assert.equal(codeOf(diagnostic), ruleId);
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.equal(code.target.toString(true), `${DOCS}${ruleId}.md`);

      const expected = lint(`/workspace/${file}`, text)
        .filter((finding) => finding.ruleId === ruleId)
        .map((finding) => describeFinding(finding, text));
      assert.deepEqual(
        [{ at: rangeText(diagnostic.range), token: editor.document.getText(diagnostic.range) }],
        expected,
      );
      if (typeof token === 'string') assert.equal(expected[0].token, token);
      else assert.match(expected[0].token, token);
      assert.ok(diagnostic.message.length > 20, `a message that says what to do: "${diagnostic.message}"`);
    });
  }
});
