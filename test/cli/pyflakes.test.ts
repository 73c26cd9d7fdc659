/**
 * pyflakes through the built CLI, with the real program (`pyflakes`, or Debian's `pyflakes3`): findings on the
 * exact tokens of `shell: python` run: steps, `--no-pyflakes`, `--pyflakes-path`, SARIF, and one notice when
 * the program is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pyflakesProgram } from '../helpers/pyflakes';
import type { ReportedFinding } from '../../server/src/cli/report';

const CLI = resolve('dist/cli.js');
const program = pyflakesProgram();

const WORKFLOW = [
  'on: push',
  'permissions: {}',
  'defaults:',
  '  run:',
  '    shell: python',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    timeout-minutes: 5',
  '    steps:',
  '      - run: |',
  '          import os, sys',
  '          print(sys.argv, "${{ github.sha }}", ${{ inputs.n }})',
  '          print(undefined_name)',
  '      - run: print(',
  '        shell: python3 -u {0}',
  '      - run: print(not_python)',
  '        shell: bash',
  '',
].join('\n');

let root: string;

function shipshape(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', '--fail-on', 'none', '--no-shellcheck', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

function pyflakesFindings(args: string[] = []) {
  const { stdout, stderr } = shipshape(['--format', 'json', ...args, '.github/workflows/ci.yml']);
  const findings = (JSON.parse(stdout) as { findings: ReportedFinding[] }).findings;
  return { stderr, findings: findings.filter((f) => f.rule === 'github-actions/pyflakes') };
}

describe('pyflakes in the CLI', { skip: !program && 'pyflakes is not installed (CI would fail here)' }, () => {
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'shipshape-pyflakes-'));
    mkdirSync(dirname(join(root, '.github/workflows/ci.yml')), { recursive: true });
    writeFileSync(join(root, '.github/workflows/ci.yml'), WORKFLOW);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('python steps (the workflow’s default shell, a custom python3 shell): findings on their tokens', () => {
    const { findings, stderr } = pyflakesFindings();
    assert.equal(stderr, '');
    assert.deepEqual(
      findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.message}`),
      [
        "12:18-12:20 warning 'os' imported but unused",
        "14:17-14:31 warning undefined name 'undefined_name'",
        "15:19-15:20 error Python syntax error: '(' was never closed",
      ],
    );
    assert.deepEqual(findings[0].aliases, ['actionlint:pyflakes']);
    assert.match(findings[0].docs, /docs\/rules\/github-actions\/pyflakes\.md$/);
  });

  test('SARIF names the rule with its docs page; text shows the rule id', () => {
    const sarif = JSON.parse(shipshape(['--format', 'sarif', '.github/workflows/ci.yml']).stdout) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string }> } }; results: unknown[] }>;
    };
    const rule = sarif.runs[0].tool.driver.rules.find((r) => r.id === 'github-actions/pyflakes');
    assert.match(rule?.helpUri ?? '', /docs\/rules\/github-actions\/pyflakes\.md$/);
    assert.match(shipshape(['.github/workflows/ci.yml']).stdout, /github-actions\/pyflakes\s+undefined name/);
  });

  test('--no-pyflakes turns it off; --pyflakes-path names the program; a missing one is said once', () => {
    assert.deepEqual(pyflakesFindings(['--no-pyflakes']).findings, []);
    assert.equal(pyflakesFindings(['--pyflakes-path', program!]).findings.length, 3);
    const missing = pyflakesFindings(['--pyflakes-path', join(root, 'no-such-pyflakes')]);
    assert.deepEqual(missing.findings, []);
    assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
    assert.match(missing.stderr, /no-such-pyflakes was not found: run: steps with shell: python were not checked/);
    const exit = (args: string[]) => shipshape([...args, '--fail-on', 'error', '.']).code;
    assert.equal(exit(['--pyflakes-path', join(root, 'no-such-pyflakes')]), exit(['--no-pyflakes']), 'not a failure');
  });
});
