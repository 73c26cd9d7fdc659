/**
 * The checking worker's side of the script checkers: for each enabled checker it finds the file's scripts,
 * adds the findings of those the server has sent comments for, and names the others (with their checker)
 * for the server to run. Comments belong to one checker and program.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KnownScriptComments, programScriptKey } from '../../../server/src/lsp/known-script-comments';
import type { PyflakesComment } from '../../../server/src/rules/shared/pyflakes/findings';
import { scriptCheckers } from '../../../server/src/rules/shared/scripts/checkers';
import type { ShellCheckComment } from '../../../server/src/rules/shared/shellcheck/findings';
import { parsed } from '../shellcheck/helpers';

const PATH = '/repo/.github/workflows/ci.yml';
const TEXT = [
  'on: push',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: echo $name',
  '      - shell: python',
  '        run: print(name)',
  '',
].join('\n');

const shellcheckComment: ShellCheckComment = {
  // After the runner's `set -eo pipefail` line.
  line: 2,
  column: 6,
  endLine: 2,
  endColumn: 11,
  level: 'info',
  code: 2086,
  message: 'Double quote to prevent globbing and word splitting.',
};
const pyflakesComment: PyflakesComment = {
  line: 1,
  column: 7,
  unit: 'utf8',
  message: "undefined name 'name'",
  syntaxError: false,
};

describe('script checkers’ comments in the checking worker', () => {
  test('scripts without comments are named with their checker; comments that arrive become findings', () => {
    const { file, linter } = parsed(PATH, TEXT);
    const result = { ...linter.lint(PATH), file };
    const known = new KnownScriptComments();
    const programs = { shellcheck: '', pyflakes: '/opt/pyflakes' };
    const first = known.settle(linter, result, undefined, programs);
    assert.deepEqual(
      first.unchecked.map((each) => each.checker),
      ['shellcheck', 'pyflakes'],
    );
    assert.equal(first.findings.length, result.findings.length, 'nothing added yet');

    const [shell, python] = first.unchecked;
    known.add([
      [programScriptKey('shellcheck', '', scriptCheckers.shellcheck.key(shell.script)), [shellcheckComment]],
      [programScriptKey('pyflakes', '/opt/pyflakes', scriptCheckers.pyflakes.key(python.script)), [pyflakesComment]],
    ]);
    const second = known.settle(linter, result, undefined, programs);
    assert.deepEqual(second.unchecked, []);
    const added = second.findings.filter((f) => !result.findings.includes(f));
    assert.deepEqual(
      added.map((f) => [f.ruleId, f.range.start.line, f.range.start.character, f.range.end.character]),
      [
        ['shellcheck/SC2086', 5, 18, 23],
        ['github-actions/pyflakes', 7, 19, 23],
      ],
    );

    // Another pyflakes program has not judged the script; a checker that is off is not asked about.
    const other = known.settle(linter, result, undefined, { pyflakes: '' });
    assert.deepEqual(
      other.unchecked.map((each) => each.checker),
      ['pyflakes'],
    );
    assert.equal(other.findings.length, result.findings.length);
  });
});
