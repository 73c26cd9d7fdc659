/** Which run: steps pyflakes reads, and the text it gets: the script with each `${{ }}` as a same-length stand-in. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isPythonShell, pythonScriptsOf } from '../../../server/src/rules/shared/pyflakes/python-scripts';
import { parsed } from '../shellcheck/helpers';
import { WORKFLOW_PATH, workflow } from './helpers';

const scriptsOf = (text: string, path = WORKFLOW_PATH) => pythonScriptsOf(parsed(path, text).file).map((s) => s.text);

describe('run: steps for pyflakes', () => {
  const shells: Array<[string, boolean]> = [
    ['python', true],
    ['Python', true],
    ['python {0}', true],
    ['python3 -u {0}', true],
    ['/usr/bin/python3.12 {0}', true],
    ['bash', false],
    ['pwsh', false],
    ['pythonic {0}', false],
    ['sh -c "python {0}"', false],
    ['${{ matrix.shell }}', false],
  ];
  for (const [shell, python] of shells) {
    test(`shell: ${shell} is ${python ? '' : 'not '}Python`, () => assert.equal(isPythonShell(shell), python));
  }

  test('the step’s shell wins over the job’s default, which wins over the workflow’s', () => {
    const steps = [
      '      - run: print(1)',
      '      - run: echo 2',
      '        shell: bash',
      '      - run: print(3)',
      '        shell: python {0}',
      '',
    ].join('\n');
    const job = '    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: python\n';
    assert.deepEqual(scriptsOf(workflow(steps, job)), ['print(1)', 'print(3)']);
    const top = 'defaults:\n  run:\n    shell: python\n';
    assert.deepEqual(scriptsOf(workflow(steps, undefined, top)), ['print(1)', 'print(3)']);
    const bashJob = '    runs-on: ubuntu-latest\n    defaults:\n      run:\n        shell: bash\n';
    assert.deepEqual(scriptsOf(workflow(steps, bashJob, top)), ['print(3)']);
    // No shell anywhere: bash (or pwsh on Windows), not Python.
    assert.deepEqual(scriptsOf(workflow('      - run: print(1)\n')), []);
  });

  test('a composite action’s python steps', () => {
    const action = [
      'name: a',
      'description: d',
      'runs:',
      '  using: composite',
      '  steps:',
      '    - run: print("${{ inputs.x }}")',
      '      shell: python',
      '    - run: echo hi',
      '      shell: bash',
      '',
    ].join('\n');
    assert.deepEqual(scriptsOf(action, '/repo/action.yml'), [`print("${'_'.repeat('${{ inputs.x }}'.length)}")`]);
  });

  test('each ${{ }} is underscores of its own length, and remembered as a stand-in', () => {
    const text = workflow('      - shell: python\n        run: |\n          x = ${{ inputs.n }} + 1\n');
    const [script] = pythonScriptsOf(parsed(WORKFLOW_PATH, text).file);
    assert.equal(script.text, `x = ${'_'.repeat('${{ inputs.n }}'.length)} + 1\n`);
    assert.equal(script.placeholders.length, 1);
    const [from, to] = script.placeholders[0];
    assert.equal(text.slice(from, to), '${{ inputs.n }}');
  });
});
