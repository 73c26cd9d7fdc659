/** `run:` scripts as ShellCheck reads them: which shell, what stands in for `${{ }}`, and the way back through YAML. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { GitHubActionsFile } from '../../../server/src/engine/types';
import { workflowScripts } from '../../../server/src/rules/shared/shellcheck/workflow-scripts';
import { bodyOf, landsOn, parsed } from './helpers';

function scripts(text: string, path = '/repo/.github/workflows/ci.yml') {
  const { file } = parsed(path, text);
  return { file, scripts: workflowScripts(file as GitHubActionsFile) };
}

const workflow = (steps: string, job = '    runs-on: ubuntu-latest\n', top = '') =>
  `on: push\n${top}jobs:\n  build:\n${job}    steps:\n${steps}`;

describe('run: scripts for ShellCheck', () => {
  test('a literal block maps line by line past its indentation', () => {
    const text = workflow('      - run: |\n          echo $one\n\n            echo  $two\n          done\n');
    const { file, scripts: found } = scripts(text);
    assert.equal(bodyOf(found[0]), 'echo $one\n\n  echo  $two\ndone\n');
    assert.equal(landsOn(file, found[0], '$one'), '$one');
    assert.equal(landsOn(file, found[0], '$two'), '$two');
    assert.equal(landsOn(file, found[0], 'done'), 'done');
  });

  test('folded blocks, plain and quoted scalars map too', () => {
    const text = workflow(
      [
        '      - run: >-',
        '          echo $folded',
        '          and $more',
        '      - run: echo $plain',
        '      - run: "echo $quoted"',
        '      - run: "echo \\"$escaped\\""',
        '',
      ].join('\n'),
    );
    const { file, scripts: found } = scripts(text);
    assert.equal(bodyOf(found[0]), 'echo $folded and $more');
    assert.equal(landsOn(file, found[0], '$more'), '$more');
    assert.equal(landsOn(file, found[1], '$plain'), '$plain');
    assert.equal(landsOn(file, found[2], '$quoted'), '$quoted');
    assert.equal(landsOn(file, found[3], '$escaped'), '$escaped');
  });

  test('each ${{ }} becomes as many underscores, so the text after it keeps its place', () => {
    const text = workflow('      - run: |\n          if ${{ matrix.ok }}; then echo "${{ github.sha }}" $x; fi\n');
    const { file, scripts: found } = scripts(text);
    assert.equal(bodyOf(found[0]), `if ${'_'.repeat(16)}; then echo "${'_'.repeat(17)}" $x; fi\n`);
    assert.equal(landsOn(file, found[0], '$x'), '$x');
    assert.equal(found[0].placeholders.length, 2);
    assert.equal(file.text.slice(...found[0].placeholders[0]), '${{ matrix.ok }}');
  });

  test('bash by default (with the runner’s -eo pipefail), sh when asked; other shells and Windows runners skipped', () => {
    const steps = [
      '      - run: echo default',
      '      - run: echo sh',
      '        shell: sh',
      '      - run: echo custom',
      '        shell: bash --noprofile --norc {0}',
      '      - run: Write-Host pwsh',
      '        shell: pwsh',
      '      - run: print("py")',
      '        shell: python',
      '',
    ].join('\n');
    const found = scripts(workflow(steps)).scripts;
    assert.deepEqual(
      found.map((s) => [s.dialect, bodyOf(s), s.text.split('\n')[0]]),
      [
        ['bash', 'echo default', 'set -eo pipefail'],
        ['sh', 'echo sh', 'set -e'],
        ['bash', 'echo custom', 'echo custom'],
      ],
    );
    const windows = scripts(workflow('      - run: echo hi\n', '    runs-on: windows-latest\n')).scripts;
    assert.equal(windows.length, 0);
    const windowsBash = scripts(
      workflow('      - run: echo hi\n        shell: bash\n', '    runs-on: windows-latest\n'),
    ).scripts;
    assert.equal(windowsBash.length, 1);
  });

  test('defaults.run.shell of the workflow and the job apply; env names are exported', () => {
    const text = workflow(
      '      - run: echo $lower_env\n        env:\n          lower_env: x\n',
      '    runs-on: ubuntu-latest\n    env:\n      job_env: y\n',
      'defaults:\n  run:\n    shell: sh\nenv:\n  top_env: z\n',
    );
    const found = scripts(text).scripts;
    assert.equal(found[0].dialect, 'sh');
    const prelude = found[0].text.split('\n').slice(0, found[0].preludeLines);
    for (const line of ['export top_env=1', 'export job_env=1', 'export lower_env=1'])
      assert.ok(prelude.includes(line));
  });

  test('a composite action’s run steps name their shell', () => {
    const text = [
      'name: a',
      'description: b',
      'runs:',
      '  using: composite',
      '  steps:',
      '    - run: echo $x',
      '      shell: bash',
      '    - run: echo no-shell',
      '',
    ].join('\n');
    const { file, scripts: found } = scripts(text, '/repo/action.yml');
    assert.equal(found.length, 1);
    assert.equal(landsOn(file, found[0], '$x'), '$x');
  });

  test('checks a ${{ }} stand-in or a computed env name would set off are left out for that script only', () => {
    const steps = [
      '      - run: for x in ${{ inputs.list }}; do echo "$x"; done',
      '      - run: echo "$push"',
      '        env:',
      '          ${{ github.event_name }}: yes',
      '      - run: for x in a; do echo "$x" "$unset"; done',
      '',
    ].join('\n');
    const { scripts: found } = scripts(workflow(steps));
    assert.deepEqual(
      found.map((script) => script.exclude.filter((code) => code === 'SC2043' || code === 'SC2154')),
      [['SC2043'], ['SC2154'], []],
    );
  });
});
