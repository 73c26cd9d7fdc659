/**
 * pyflakes's output read and placed: warnings on stdout with UTF-8 byte columns, syntax errors on stderr with
 * character columns and caret lines; a failing program is not an empty answer. Written as pyflakes 2.5 prints;
 * real-pyflakes.test.ts runs the program.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pyflakesProgram } from '../../../server/src/host/pyflakes';
import { parsePyflakesOutput, pyflakesReports } from '../../../server/src/rules/shared/pyflakes/findings';
import { pythonScriptsOf } from '../../../server/src/rules/shared/pyflakes/python-scripts';
import { parsed } from '../shellcheck/helpers';
import { WORKFLOW_PATH, workflow } from './helpers';

function placed(script: string, stdout: string, stderr = '') {
  const text = workflow(`      - shell: python\n        run: |\n${script.replace(/^/gm, '          ')}\n`);
  const { file } = parsed(WORKFLOW_PATH, text);
  const [found] = pythonScriptsOf(file);
  const comments = [...parsePyflakesOutput(stdout, 'stdout'), ...parsePyflakesOutput(stderr, 'stderr')];
  return pyflakesReports(file, found, comments).map((report) => {
    const [start, end] = [file.lines.offsetAt(report.range.start), file.lines.offsetAt(report.range.end)];
    return [report.severity, text.slice(start, end), report.message];
  });
}

describe('pyflakes output', () => {
  test('messages with and without a column; source and caret lines are skipped', () => {
    const stderr = "<stdin>:3:8: '(' was never closed\n  print(x\n       ^\n<stdin>:4: unexpected EOF\n";
    assert.deepEqual(parsePyflakesOutput(stderr, 'stderr'), [
      { line: 3, column: 8, unit: 'codepoint', message: "'(' was never closed", syntaxError: true },
      { line: 4, column: 1, unit: 'codepoint', message: 'unexpected EOF', syntaxError: true },
    ]);
    assert.deepEqual(parsePyflakesOutput('<stdin>: problem decoding source\n', 'stderr'), []);
  });

  test('stdout columns count UTF-8 bytes, stderr columns characters', () => {
    // After 11 characters (15 bytes) come `y` and `)` (pyflakes 2.5 on Python 3.11).
    assert.deepEqual(placed('x = "é😀" + y', "<stdin>:1:16: undefined name 'y'\n"), [
      ['warning', 'y', "undefined name 'y'"],
    ]);
    assert.deepEqual(placed('x = "é😀" + )', '', '<stdin>:1:12: unmatched \')\'\nx = "é😀" + )\n           ^\n'), [
      ['error', ')', "Python syntax error: unmatched ')'"],
    ]);
  });

  test('a message that names no token is placed on the word, or the character, at its column', () => {
    // The f-string starts after 14 characters (18 bytes): read as characters, the column would land 4 too far.
    assert.deepEqual(placed('x = "é😀"; y = f"abc"', '<stdin>:1:19: f-string is missing placeholders'), [
      ['warning', 'f', 'f-string is missing placeholders'],
    ]);
  });

  test('an import is reported on the name it binds, not on the statement', () => {
    const script = 'import os\nfrom time import sleep\nimport a.b as c';
    const stdout = [
      "<stdin>:1:1: 'os' imported but unused",
      "<stdin>:2:1: 'time.sleep' imported but unused",
      "<stdin>:3:1: 'a.b as c' imported but unused",
    ].join('\n');
    assert.deepEqual(
      placed(script, stdout).map(([, covered]) => covered),
      ['os', 'sleep', 'c'],
    );
  });

  test('messages about a ${{ }} stand-in are dropped; the others on its line are kept', () => {
    const script = 'x = ${{ inputs.n }} + y\nfoo_${{ inputs.n }}()';
    const stdout = [
      `<stdin>:1:5: undefined name '${'_'.repeat(15)}'`,
      "<stdin>:1:23: undefined name 'y'",
      `<stdin>:2:1: undefined name 'foo_${'_'.repeat(15)}'`,
    ].join('\n');
    assert.deepEqual(placed(script, stdout), [['warning', 'y', "undefined name 'y'"]]);
    // A syntax error on a stand-in is about what the runner puts there.
    assert.deepEqual(placed('print(${{ a }} ${{ b }})', '', '<stdin>:1:7: invalid syntax\n'), []);
  });

  test('the program’s answer: exit 0 or 1 with readable messages; else it failed', () => {
    const read = (code: number | null, stdout: string, stderr = '') => pyflakesProgram.read({ code, stdout, stderr });
    assert.deepEqual(read(0, ''), []);
    assert.equal(read(1, "<stdin>:1:1: 'os' imported but unused\n").length, 1);
    assert.throws(() => read(2, '', 'usage: pyflakes'), /exited with 2: usage: pyflakes/);
    // What pyflakes says of a script with a NUL byte: the script's problem, not the program's.
    assert.deepEqual(read(1, '', '<stdin>: problem decoding source\n'), []);
    assert.throws(() => read(1, '', 'Traceback (most recent call last):\n  File "x"\nImportError: no'), /ImportError/);
    assert.throws(() => read(null, ''), /exited with a signal/);
  });
});
