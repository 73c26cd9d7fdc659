/**
 * The real pyflakes over workflows: its findings on the exact token through YAML block scalars (literal,
 * folded, more-indented lines), quoted scalars and `${{ }}` stand-ins; settings and suppressions; and the
 * runner when the program is missing, found under its other name, or failing.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pyflakesProgram as pyflakesSpec } from '../../../server/src/host/pyflakes';
import { scriptCheckerFindings } from '../../../server/src/host/script-lint';
import { ScriptRunner, type ScriptRunnerProblem } from '../../../server/src/host/script-runner';
import { parsed } from '../shellcheck/helpers';
import { WORKFLOW_PATH, program, pyflakesOn, skip, workflow } from './helpers';

const python = (run: string) => workflow(`      - shell: python\n        run: ${run}\n`);

describe('pyflakes on run: steps', { skip }, () => {
  test('a literal block: each finding on its token, line by line past the indentation', async () => {
    const text = python('|\n          import os\n          for x in [1]:\n              print(hello, x)\n');
    assert.deepEqual(await pyflakesOn(text), [
      ['warning', 'os', 7, "'os' imported but unused"],
      ['warning', 'hello', 9, "undefined name 'hello'"],
    ]);
  });

  test('a folded block is the one line the runner gets: two statements on it are a syntax error', async () => {
    // `>` joins `import os` and `print(1)` with a space; more-indented lines keep their line breaks.
    assert.deepEqual(await pyflakesOn(python('>\n          import os\n          print(1)\n')), [
      ['error', 'print', 8, 'Python syntax error: invalid syntax'],
    ]);
    assert.deepEqual(await pyflakesOn(python('>\n          if True:\n            print(y)\n')), [
      ['warning', 'y', 8, "undefined name 'y'"],
    ]);
  });

  test('plain and quoted scalars, with escapes and non-ASCII text before the token', async () => {
    assert.deepEqual(await pyflakesOn(python('print(hello)')), [['warning', 'hello', 6, "undefined name 'hello'"]]);
    assert.deepEqual(await pyflakesOn(python('"x = \\"é😀\\" + yy"')), [['warning', 'yy', 6, "undefined name 'yy'"]]);
    assert.deepEqual(await pyflakesOn(python("'print(''a'', zz)'")), [['warning', 'zz', 6, "undefined name 'zz'"]]);
  });

  test('syntax errors are errors, on the character Python points at', async () => {
    assert.deepEqual(await pyflakesOn(python('print(')), [
      ['error', '(', 6, "Python syntax error: '(' was never closed"],
    ]);
    assert.deepEqual(await pyflakesOn(python('|\n          x = 1\n          )\n')), [
      ['error', ')', 8, "Python syntax error: unmatched ')'"],
    ]);
  });

  test('${{ }} expressions are no undefined names, in code or in strings; real findings beside them stay', async () => {
    const text = python(
      [
        '|',
        '          n = ${{ inputs.count }}',
        '          name = "${{ github.ref_name }}"',
        '          if ${{ inputs.debug }}:',
        '              print(n, name, ${{ toJSON(matrix) }}.get("os"), f"{${{ inputs.n }}}")',
        '          print(foo_${{ inputs.suffix }}, undefined_one)',
        '',
      ].join('\n'),
    );
    assert.deepEqual(await pyflakesOn(text), [['warning', 'undefined_one', 11, "undefined name 'undefined_one'"]]);
  });

  test('rules: off and # shipshape-ignore above the step apply', async () => {
    const steps = '      # shipshape-ignore github-actions/pyflakes\n      - shell: python\n        run: print(x)\n';
    assert.deepEqual(await pyflakesOn(workflow(steps)), []);
    assert.equal((await pyflakesOn(workflow(steps.replace(/ *#.*\n/, '')))).length, 1, 'found without them');
    const { file, linter } = parsed(WORKFLOW_PATH, python('print(x)'));
    const runner = new ScriptRunner(pyflakesSpec, { path: program });
    const off = await scriptCheckerFindings(linter, { ...linter.lint(WORKFLOW_PATH), file }, runner, {
      'github-actions/pyflakes': { severity: 'off' },
    });
    assert.deepEqual(off, []);
  });
});

describe('the pyflakes runner', { skip }, () => {
  const script = { text: 'print(x)\n', preludeLines: 0, offsets: [], placeholders: [] };

  test('a program that does not exist: no comments, one problem told however often it is asked', async () => {
    const problems: ScriptRunnerProblem[] = [];
    const runner = new ScriptRunner(pyflakesSpec, { path: '/no/such/pyflakes', onProblem: (p) => problems.push(p) });
    assert.deepEqual(await runner.check(script), []);
    assert.deepEqual(await runner.check({ ...script, text: 'print(y)\n' }), []);
    assert.equal(runner.missing, true);
    assert.deepEqual(problems, [{ kind: 'missing', message: '/no/such/pyflakes was not found' }]);
  });

  test('without a configured path, the next default name is tried when one is not installed', async () => {
    const problems: ScriptRunnerProblem[] = [];
    const runner = new ScriptRunner(
      { ...pyflakesSpec, defaultPaths: ['shipshape-no-such-pyflakes', program!] },
      { onProblem: (p) => problems.push(p) },
    );
    const comments = await runner.check(script);
    assert.equal(comments[0]?.message, "undefined name 'x'");
    assert.equal(runner.path, program);
    assert.deepEqual(problems, []);
  });

  test('a program that answers nothing pyflakes would (exit 1, no messages) has failed, and is said once', async () => {
    const problems: ScriptRunnerProblem[] = [];
    const runner = new ScriptRunner(pyflakesSpec, { path: 'false', onProblem: (p) => problems.push(p) });
    assert.deepEqual(await runner.check(script), []);
    assert.deepEqual(await runner.check({ ...script, text: 'print(z)\n' }), []);
    assert.deepEqual(problems, [{ kind: 'failed', message: 'false exited with 1' }]);
    assert.equal(runner.missing, false);
  });
});
