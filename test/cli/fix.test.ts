/**
 * `shipshape check --fix` / `--fix-dry-run`: only automatic fixes, applied in rounds, checked again and
 * rolled back when they break the file, idempotent, and keeping line endings, BOM and comments.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { applyAutomaticFixes } from '../../server/src/cli/fix/apply-fixes';
import { unifiedDiff } from '../../server/src/cli/fix/unified-diff';
import { Linter } from '../../server/src/engine/linter';
import type { Finding } from '../../server/src/engine/types';
import { fixesFor } from '../../server/src/fixes';
import type { QuickFix } from '../../server/src/fixes/types';
import { registry } from '../../server/src/rules';

const CLI = resolve('dist/cli.js');

function shipshape(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under `root` (not .git) with its text. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath.includes('.git/')) continue;
    const path = join(entry.parentPath, entry.name);
    files[path.slice(root.length + 1)] = readFileSync(path, 'utf8');
  }
  return files;
}

function linterFor(path: string, text: string): Linter {
  const linter = new Linter(registry, { readFile: () => undefined, exists: () => false });
  linter.workspace.set(path, text);
  return linter;
}

function findingsOf(path: string, text: string): Finding[] {
  return linterFor(path, text).lint(path).findings;
}

const BROKEN = /\/(syntax|schema|internal-error)$/;

describe('--fix on the examples', () => {
  test('writes the automatic fixes, reports them, and a second run changes nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'shipshape-fix-'));
    cpSync('examples', root, { recursive: true });
    const before = snapshot(root);
    const dryRun = shipshape(['check', '--fix-dry-run'], root);
    assert.equal(dryRun.code, 0, dryRun.stderr);
    assert.deepEqual(snapshot(root), before, '--fix-dry-run writes nothing');
    assert.match(
      dryRun.stdout,
      /^--- a\/\.github\/workflows\/triage\.yml\n\+\+\+ b\/\.github\/workflows\/triage\.yml\n@@ /,
    );

    const fixed = shipshape(['check', '--fix', '--format', 'json'], root);
    assert.equal(fixed.code, 0, 'no error finding is left');
    assert.match(fixed.stderr, /\.github\/workflows\/triage\.yml: 2 fixes applied/);
    const after = snapshot(root);
    assert.notDeepEqual(after, before);
    // What the dry run showed is what --fix wrote: apply the diff to a fresh copy with git.
    const copy = mkdtempSync(join(tmpdir(), 'shipshape-fix-'));
    cpSync('examples', copy, { recursive: true });
    writeFileSync(join(copy, 'fix.patch'), `${dryRun.stdout}\n`);
    const applied = spawnSync('git', ['apply', '--unsafe-paths', 'fix.patch'], { cwd: copy, encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    const patched = snapshot(copy);
    delete patched['fix.patch'];
    assert.deepEqual(patched, after);

    // The script injection became an env variable, the error is gone, the other findings stay.
    const remaining = (JSON.parse(fixed.stdout) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule);
    assert.ok(!remaining.includes('github-actions/script-injection'));
    assert.ok(remaining.includes('dockerfile/pin-base-image'), 'a fix with a placeholder is not applied');
    assert.match(after['.github/workflows/triage.yml'], /ISSUE_TITLE: \$\{\{ github\.event\.issue\.title \}\}/);
    assert.match(after['.gitlab-ci.yml'], /deploy-production:\n {2}when: manual\n/);
    assert.equal(after['k8s/deployment.yaml'].match(/allowPrivilegeEscalation: false/g)?.length, 2);

    const again = shipshape(['check', '--fix'], root);
    assert.deepEqual(snapshot(root), after, 'a second --fix changes nothing');
    assert.doesNotMatch(again.stderr, /applied/);
    assert.equal(shipshape(['check', '--fix-dry-run'], root).stdout, '', 'and its dry run shows no diff');
  });
});

describe('--fix on the Dockerfile corpus', () => {
  const corpus = 'test/fixtures/dockerfile/corpus';
  const names = readdirSync(corpus).filter((name) => !name.endsWith('.md'));
  let changed = 0;
  for (const name of names) {
    test(name, () => {
      const path = `/corpus/${name}/Dockerfile`;
      const text = readFileSync(join(corpus, name), 'utf8');
      const before = findingsOf(path, text);
      const outcome = applyAutomaticFixes(linterFor(path, text), path, text);
      if (outcome.text !== text) changed++;
      const after = findingsOf(path, outcome.text);
      // Nothing broken, and each fixed rule has fewer findings than before.
      assert.deepEqual(
        after.filter((f) => BROKEN.test(f.ruleId)).map((f) => f.message),
        before.filter((f) => BROKEN.test(f.ruleId)).map((f) => f.message),
      );
      for (const rule of new Set(outcome.applied.map((a) => a.rule))) {
        assert.ok(
          after.filter((f) => f.ruleId === rule).length < before.filter((f) => f.ruleId === rule).length,
          `${rule} has fewer findings after its fixes`,
        );
      }
      // Comments survive.
      for (const comment of text.split('\n').filter((line) => line.trim().startsWith('#')))
        assert.ok(outcome.text.includes(comment), `comment kept: ${comment}`);
      // Idempotent: fixing the fixed text changes nothing.
      const second = applyAutomaticFixes(linterFor(path, outcome.text), path, outcome.text);
      assert.equal(second.text, outcome.text);
      assert.deepEqual(second.applied, []);
      assert.deepEqual(outcome.rolledBack, [], 'the real fixes need no rollback on the corpus');
    });
  }
  test('the corpus gives the fixer something to do', () => assert.ok(changed >= 5, `${changed} files changed`));
});

describe('safe by construction', () => {
  test('CRLF line endings, a BOM, indentation and comments are kept', () => {
    const text =
      '\uFEFF# syntax=docker/dockerfile:1\r\nFROM debian:12\r\n# install tools\r\nRUN apt-get update \\\r\n    && apt-get install -y curl\r\nADD app.txt /app/\r\nUSER nobody\r\n';
    const path = '/crlf/Dockerfile';
    const outcome = applyAutomaticFixes(linterFor(path, text), path, text);
    assert.ok(outcome.text.startsWith('\uFEFF# syntax=docker/dockerfile:1\r\n'), 'BOM and first line kept');
    assert.doesNotMatch(outcome.text, /(^|[^\r])\n/, 'no bare LF in a CRLF file');
    assert.match(outcome.text, /\r\n# install tools\r\n/);
    assert.match(outcome.text, /\r\n {4}&& apt-get install --no-install-recommends -y curl \\\r\n/);
    assert.match(outcome.text, /rm -rf \/var\/lib\/apt\/lists\/\*/);
    assert.match(outcome.text, /\r\nCOPY app\.txt \/app\/\r\n/);
    assert.deepEqual(
      outcome.applied.map((a) => a.rule).sort(),
      ['dockerfile/apt-clean-lists', 'dockerfile/apt-no-install-recommends', 'dockerfile/prefer-copy'].sort(),
    );
  });

  test('a fix that introduces a syntax error is rolled back and reported; the others are applied', () => {
    const text = 'FROM node:20.18.1-alpine\nCOPY package.json package-lock.json ./\nRUN npm install\nUSER node\n';
    const path = '/broken/Dockerfile';
    const breaking = (finding: Finding, file: Parameters<typeof fixesFor>[1]): QuickFix[] =>
      finding.ruleId === 'dockerfile/npm-ci'
        ? [{ title: 'Break the file', automatic: true, edits: [{ range: finding.range, newText: 'ci\nFROMM x' }] }]
        : fixesFor(finding, file);
    const outcome = applyAutomaticFixes(linterFor(path, text), path, text, breaking);
    assert.equal(outcome.text, text);
    assert.deepEqual(
      outcome.rolledBack.map((r) => [r.rule, r.title, r.line]),
      [['dockerfile/npm-ci', 'Break the file', 3]],
    );
    assert.match(outcome.rolledBack[0].reason, /^it would introduce dockerfile\/syntax at line 4/);
  });

  test('a fix that introduces a new finding of its own rule is rolled back; a good fix in the same round stays', () => {
    const text = 'FROM node\nCOPY package.json package-lock.json ./\nRUN npm install\nUSER node\n';
    const path = '/own/Dockerfile';
    const misbehaving = (finding: Finding, file: Parameters<typeof fixesFor>[1]): QuickFix[] =>
      finding.ruleId === 'dockerfile/pin-base-image'
        ? [{ title: 'Use python', automatic: true, edits: [{ range: finding.range, newText: 'python' }] }]
        : fixesFor(finding, file);
    const outcome = applyAutomaticFixes(linterFor(path, text), path, text, misbehaving);
    assert.equal(outcome.text, text.replace('npm install', 'npm ci'));
    assert.deepEqual(
      outcome.applied.map((a) => a.rule),
      ['dockerfile/npm-ci'],
    );
    assert.deepEqual(
      outcome.rolledBack.map((r) => r.rule),
      ['dockerfile/pin-base-image'],
    );
    assert.match(
      outcome.rolledBack[0].reason,
      /^it would introduce a new finding: dockerfile\/pin-base-image at line 1: Base image python /,
    );
  });

  test('a fix that does not remove its finding is rolled back instead of repeated', () => {
    const text =
      'FROM node:20.18.1-bookworm-slim\nCOPY package.json package-lock.json ./\nRUN npm install\nUSER node\n';
    const path = '/again/Dockerfile';
    const repeating = (finding: Finding, file: Parameters<typeof fixesFor>[1]): QuickFix[] =>
      finding.ruleId === 'dockerfile/npm-ci'
        ? [{ title: 'Install twice', automatic: true, edits: [{ range: finding.range, newText: 'ci && npm install' }] }]
        : fixesFor(finding, file);
    const outcome = applyAutomaticFixes(linterFor(path, text), path, text, repeating);
    assert.equal(outcome.text, text);
    assert.deepEqual(
      outcome.rolledBack.map((r) => [r.rule, r.reason]),
      [['dockerfile/npm-ci', 'it does not remove the dockerfile/npm-ci finding']],
    );
  });

  test('fixes with placeholders or guesses are never applied', () => {
    const text = 'FROM node\nUSER node\n';
    const path = '/guess/Dockerfile';
    const finding = findingsOf(path, text).find((f) => f.ruleId === 'dockerfile/pin-base-image')!;
    const linter = linterFor(path, text);
    const fixes = fixesFor(finding, linter.workspace.parsed(path)!);
    assert.ok(fixes.length > 0 && fixes.every((fix) => !fix.automatic));
    assert.equal(applyAutomaticFixes(linter, path, text).text, text);
  });

  test('unified diff: hunks with context, and a missing final newline marked', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n');
    const after = before.replace('b', 'B').replace('j', 'J');
    assert.equal(
      unifiedDiff('x.txt', `${before}\n`, `${after}\n`),
      [
        '--- a/x.txt',
        '+++ b/x.txt',
        '@@ -1,5 +1,5 @@',
        ' a',
        '-b',
        '+B',
        ' c',
        ' d',
        ' e',
        '@@ -7,4 +7,4 @@',
        ' g',
        ' h',
        ' i',
        '-j',
        '+J',
      ].join('\n'),
    );
    assert.equal(
      unifiedDiff('y', 'one\ntwo', 'one\ntwo\nthree\n'),
      ['--- a/y', '+++ b/y', '@@ -1,2 +1,3 @@', ' one', '-two', '\\ No newline at end of file', '+two', '+three'].join(
        '\n',
      ),
    );
  });
});
