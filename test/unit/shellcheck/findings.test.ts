/**
 * ShellCheck's json1 comments turned into findings: rule ids made on demand with their aliases and docs,
 * ranges in the file, the engine's settings and in-place suppressions. The comments here are written the
 * way ShellCheck 0.9 prints them; test/cli and test/lsp run the real program.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { settleExternalFindings } from '../../../server/src/engine/check';
import { readRuleSettings, type RuleSettings } from '../../../server/src/engine/config';
import { docsUrl } from '../../../server/src/engine/docs-url';
import type { ParsedFile } from '../../../server/src/engine/types';
import { registry } from '../../../server/src/rules';
import {
  parseShellCheckJson1,
  shellcheckReports,
  shellScriptsOf,
  type ShellCheckComment,
} from '../../../server/src/rules/shared/shellcheck/findings';
import { describe as describeFinding } from '../../helpers/lint';
import { parsed } from './helpers';

/** A comment on the `occurrence`-th `needle` of a script, placed as ShellCheck places it (after the prelude). */
function commentOn(text: string, needle: string, code: number, level = 'info'): ShellCheckComment {
  const index = text.indexOf(needle);
  const before = text.slice(0, index).split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  return { line, column, endLine: line, endColumn: column + needle.length, level, code, message: `SC${code} here` };
}

function settle(
  file: ParsedFile,
  linter: ReturnType<typeof parsed>['linter'],
  needle: string,
  code: number,
  settings?: RuleSettings,
) {
  const [script] = shellScriptsOf(file);
  const reports = shellcheckReports(file, script, [commentOn(script.text, needle, code)]);
  return settleExternalFindings(file, reports, {
    registry,
    host: linter.host,
    workspace: linter.workspace,
    settings: [undefined, settings],
  }).map((finding) => ({ rule: finding.ruleId, severity: finding.severity, ...describeFinding(finding, file.text) }));
}

describe('ShellCheck findings', () => {
  test('json1 output is read; anything else is an error, not an empty result', () => {
    const comments = parseShellCheckJson1(
      '{"comments":[{"file":"-","line":2,"endLine":2,"column":6,"endColumn":10,"level":"info","code":2086,"message":"Double quote","fix":null}]}',
    );
    assert.equal(comments[0].code, 2086);
    assert.throws(() => parseShellCheckJson1('[]'));
    assert.throws(() => parseShellCheckJson1('not json'));
  });

  test('rules are made on demand, with shellcheck: and hadolint: aliases and ShellCheck’s wiki as docs', () => {
    const rule = registry.get('shellcheck/SC2086');
    assert.ok(rule);
    assert.deepEqual(rule.aliases, ['shellcheck:SC2086', 'hadolint:SC2086']);
    assert.deepEqual(registry.byToolAlias('hadolint', 'sc2086'), [rule]);
    assert.deepEqual(registry.byToolAlias('shellcheck', 'SC2086'), [rule]);
    assert.equal(registry.get('shellcheck/SC86'), undefined);
    assert.equal(registry.get('shellcheck/whatever'), undefined);
    assert.equal(docsUrl('shellcheck/SC2086'), 'https://www.shellcheck.net/wiki/SC2086');
    assert.ok(!registry.all.includes(rule), 'not listed among the rules of the README tables');
  });

  test('a comment becomes a finding on its token; style is info; the prelude’s lines are never reported', () => {
    const text = 'ARG v\nFROM debian:12\nRUN echo $v \\\n    $w\n';
    const { file } = parsed('/repo/Dockerfile', text);
    const [script] = shellScriptsOf(file);
    const reports = shellcheckReports(file, script, [
      commentOn(script.text, '$w', 2086, 'style'),
      commentOn(script.text, 'export', 2034, 'warning'),
    ]);
    assert.deepEqual(
      reports.map((r) => [r.ruleId, r.severity, describeFinding({ ...r, file: '' }, text).token]),
      [['shellcheck/SC2086', 'info', '$w']],
    );
  });

  test('checks of a literal value are dropped on a line where a ${{ }} stood', () => {
    const text =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          [[ "${{ github.ref }}" == main ]] && echo $x\n          [[ "$y" == main ]]\n';
    const { file } = parsed('/repo/.github/workflows/ci.yml', text);
    const [script] = shellScriptsOf(file);
    const reports = shellcheckReports(file, script, [
      commentOn(script.text, 'main', 2193, 'warning'),
      commentOn(script.text, '$x', 2086),
    ]);
    assert.deepEqual(
      reports.map((r) => r.ruleId),
      ['shellcheck/SC2086'],
    );
  });

  test('hadolint ignore, shellcheck disable and shipshape-ignore above a RUN suppress; settings set severity', () => {
    const run = 'FROM debian:12\n%s\nRUN echo $x\n';
    const finding = [{ rule: 'shellcheck/SC2086', severity: 'info', at: '3:10-3:12', token: '$x' }];
    for (const comment of [
      '# hadolint ignore=SC2086',
      '# shellcheck disable=SC2046,SC2086',
      '# shipshape-ignore shellcheck/SC2086',
    ]) {
      const { file, linter } = parsed('/repo/Dockerfile', run.replace('%s', comment));
      assert.deepEqual(settle(file, linter, '$x', 2086), [], comment);
    }
    const { file, linter } = parsed('/repo/Dockerfile', run.replace('%s', '# other'));
    assert.deepEqual(settle(file, linter, '$x', 2086), finding);
    assert.deepEqual(settle(file, linter, '$x', 2086, { 'shellcheck/SC2086': { severity: 'off' } }), []);
    assert.deepEqual(settle(file, linter, '$x', 2086, { 'shellcheck/SC2086': { severity: 'error' } }), [
      { ...finding[0], severity: 'error' },
    ]);
  });

  test('the engine does not call a suppression of a ShellCheck rule unused: its findings come later', () => {
    const text = 'FROM debian:12\n# shipshape-ignore shellcheck/SC2086\nRUN echo "$x"\n';
    const { linter } = parsed('/repo/Dockerfile', text);
    const result = linter.lint('/repo/Dockerfile');
    assert.deepEqual(
      result.findings.filter((f) => f.ruleId === 'shipshape/unused-suppression'),
      [],
    );
  });

  test('a .shipshape.yaml may set a ShellCheck rule like any other', () => {
    const { settings, problems } = readRuleSettings(
      { 'shellcheck/SC2086': 'error', 'shellcheck/SC99': 'off' },
      registry,
    );
    assert.deepEqual(settings, { 'shellcheck/SC2086': { severity: 'error' } });
    assert.equal(problems.length, 1);
  });
});
