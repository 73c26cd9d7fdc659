/**
 * ShellCheck through the built CLI, with the real `shellcheck` program: findings on the exact characters of
 * RUN and run: scripts, suppressions, `--no-shellcheck`, and one notice when the program is missing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { shellcheckAvailable } from '../helpers/shellcheck';
import type { ReportedFinding } from '../../server/src/cli/report';

const CLI = resolve('dist/cli.js');
const available = shellcheckAvailable();

const DOCKERFILE = [
  '# escape=`',
  'FROM debian:12',
  'ARG version',
  'RUN echo $version && `',
  '    # a comment line Docker drops',
  '    ls $unset_path',
  '# hadolint ignore=SC2086',
  'RUN echo $version $unset_too',
  'RUN <<EOF',
  'cd /tmp',
  'EOF',
  '',
].join('\n');

const WORKFLOW = [
  'on: push',
  'permissions: {}',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    timeout-minutes: 5',
  '    steps:',
  '      - run: |',
  '          if [[ "${{ github.ref }}" == main ]]; then',
  '            echo "${{ github.sha }}" $stray',
  '          fi',
  '      - shell: pwsh',
  '        run: echo $ignored',
  '',
].join('\n');

let root: string;

function write(path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function shipshape(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--fail-on', 'none', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const findings = JSON.parse(result.stdout).findings as ReportedFinding[];
  return { findings, stderr: result.stderr, code: result.status };
}

describe('ShellCheck in the CLI', { skip: !available && 'shellcheck is not installed (CI would fail here)' }, () => {
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'shipshape-shellcheck-'));
    write('Dockerfile', DOCKERFILE);
    write('.github/workflows/ci.yml', WORKFLOW);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('RUN scripts: findings on their tokens, through `# escape=` continuations and heredocs', () => {
    const { findings, stderr } = shipshape(['Dockerfile']);
    assert.equal(stderr, '');
    const shellcheck = findings.filter((f) => f.rule.startsWith('shellcheck/'));
    assert.deepEqual(
      shellcheck.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule} ${f.severity}`),
      [
        '6:8-6:19 shellcheck/SC2086 info',
        '6:8-6:19 shellcheck/SC2154 warning',
        '8:19-8:29 shellcheck/SC2154 warning',
        '10:1-10:8 shellcheck/SC2164 warning',
      ],
    );
    const sc2086 = shellcheck[0];
    assert.deepEqual(sc2086.aliases, ['shellcheck:SC2086', 'hadolint:SC2086']);
    assert.equal(sc2086.docs, 'https://www.shellcheck.net/wiki/SC2086');
  });

  test('run: scripts: ${{ }} stand-ins cause no finding; the block scalar maps to the file; pwsh is skipped', () => {
    const { findings } = shipshape(['.github/workflows/ci.yml']);
    const shellcheck = findings.filter((f) => f.rule.startsWith('shellcheck/'));
    assert.deepEqual(
      shellcheck.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.rule}`),
      ['10:38-10:44 shellcheck/SC2086', '10:38-10:44 shellcheck/SC2154'],
    );
  });

  test('tab-indented continuation lines (docker-library style): columns count a tab as one character', () => {
    write('tabs/Dockerfile', 'FROM debian:12\nRUN set -eux; \\\n\t\tapt-mark manual $savedAptMark; \\\n\ttrue\n');
    const { findings } = shipshape(['tabs/Dockerfile']);
    assert.deepEqual(
      findings
        .filter((f) => f.rule.startsWith('shellcheck/'))
        .map((f) => `${f.line}:${f.column}-${f.endColumn} ${f.rule}`),
      ['3:19-32 shellcheck/SC2086', '3:19-32 shellcheck/SC2154'],
    );
  });

  test('--no-shellcheck turns it off; a missing program is said once, never as a finding', () => {
    assert.equal(shipshape(['--no-shellcheck']).findings.filter((f) => f.rule.startsWith('shellcheck/')).length, 0);
    const missing = shipshape(['--shellcheck-path', join(root, 'no-such-shellcheck')]);
    assert.equal(missing.findings.filter((f) => f.rule.startsWith('shellcheck/')).length, 0);
    assert.equal(missing.stderr.trim().split('\n').length, 1, missing.stderr);
    assert.match(missing.stderr, /no-such-shellcheck was not found: RUN and run: scripts were not checked/);
  });

  test('a .shipshape.yaml sets ShellCheck rules like any other', () => {
    write('.shipshape.yaml', 'rules:\n  shellcheck/SC2154: off\n  shellcheck/SC2164: error\n');
    try {
      const rules = shipshape(['Dockerfile'])
        .findings.filter((f) => f.rule.startsWith('shellcheck/'))
        .map((f) => `${f.rule} ${f.severity}`);
      assert.deepEqual(rules, ['shellcheck/SC2086 info', 'shellcheck/SC2164 error']);
    } finally {
      rmSync(join(root, '.shipshape.yaml'));
    }
  });
});
