/**
 * The `shipshape` hook of `.pre-commit-hooks.yaml`, run by Debian's real `pre-commit` (installed by
 * `test/cli/setup-tools.sh` when missing): `pre-commit try-repo` on a commit of a copy of this working
 * tree, then a real `git commit` through the installed hook. The hook environment (`language: node`) is
 * built the way pre-commit builds it: `npm install` in the hook repository, then `npm pack` (our prepack)
 * and `npm install -g` of the tarball; only the npm registry is needed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';

const REPO = resolve('.');
const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'Shipshape Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Shipshape Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ...GIT_IDENTITY, NO_COLOR: '1', ...env },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function git(args: string[], cwd: string) {
  const result = run('git', args, cwd);
  assert.equal(result.code, 0, result.output);
  return result.output.trim();
}

let work: string;
let hooks: string;
let cache: string;

describe('pre-commit hook', () => {
  before(() => {
    const setup = run('bash', [join(REPO, 'test/cli/setup-tools.sh')], REPO);
    assert.equal(setup.code, 0, setup.output);
    work = mkdtempSync(join(tmpdir(), 'shipshape-pre-commit-'));
    cache = join(work, 'cache');
    // A commit of this working tree as it is (tracked and new files, not what .gitignore leaves out).
    hooks = join(work, 'hooks');
    const files = git(['ls-files', '--cached', '--others', '--exclude-standard', '-z'], REPO)
      .split('\0')
      .filter(Boolean);
    for (const file of files) {
      mkdirSync(join(hooks, dirname(file)), { recursive: true });
      cpSync(join(REPO, file), join(hooks, file));
    }
    git(['init', '-q'], hooks);
    git(['add', '-A'], hooks);
    git(['commit', '-q', '-m', 'hooks under test'], hooks);
  });

  // The hook environment holds a node_modules of a few hundred MB.
  after(() => rmSync(work, { recursive: true, force: true }));

  function project(): string {
    const root = mkdtempSync(join(work, 'project-'));
    git(['init', '-q'], root);
    return root;
  }

  test('try-repo: a staged Dockerfile with an error finding fails, a clean one passes', () => {
    const bad = project();
    writeFileSync(join(bad, 'Dockerfile'), 'FROM node:20\nRUNN echo hi\nUSER node\n');
    git(['add', 'Dockerfile'], bad);
    const failed = run('pre-commit', ['try-repo', hooks, 'shipshape'], bad, { PRE_COMMIT_HOME: cache });
    assert.equal(failed.code, 1, failed.output);
    assert.match(failed.output, /shipshape\.+Failed/);
    assert.match(failed.output, /Dockerfile:2:1 error dockerfile\/syntax Unknown instruction 'RUNN'\./);

    const clean = project();
    writeFileSync(join(clean, 'Dockerfile'), 'FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\nCMD ["true"]\n');
    git(['add', 'Dockerfile'], clean);
    const passed = run('pre-commit', ['try-repo', hooks, 'shipshape'], clean, { PRE_COMMIT_HOME: cache });
    assert.equal(passed.code, 0, passed.output);
    assert.match(passed.output, /shipshape\.+Passed/);
  });

  test('installed as a git hook: the commit of a Dockerfile with a finding is refused, its fix is committed', () => {
    const root = project();
    const rev = git(['rev-parse', 'HEAD'], hooks);
    writeFileSync(
      join(root, '.pre-commit-config.yaml'),
      // As try-repo names it (relative), so both tests share one hook environment in the cache.
      `repos:\n  - repo: ${relative(root, hooks)}\n    rev: ${rev}\n    hooks:\n      - id: shipshape\n`,
    );
    // failOn: warning makes a mutable tag enough to refuse the commit.
    writeFileSync(join(root, '.shipshape.yaml'), 'failOn: warning\n');
    const installed = run('pre-commit', ['install'], root, { PRE_COMMIT_HOME: cache });
    assert.equal(installed.code, 0, installed.output);
    writeFileSync(join(root, 'Dockerfile'), 'FROM node:latest\nUSER node\n');
    git(['add', '-A'], root);
    const refused = run('git', ['commit', '-m', 'add a Dockerfile'], root, { PRE_COMMIT_HOME: cache });
    assert.notEqual(refused.code, 0, refused.output);
    assert.match(refused.output, /Dockerfile:1:11 warning dockerfile\/pin-base-image /);
    assert.equal(run('git', ['rev-parse', '--verify', 'HEAD'], root).code, 128, 'nothing was committed');

    writeFileSync(join(root, 'Dockerfile'), 'FROM node:20.18.1-bookworm-slim\nUSER node\nHEALTHCHECK NONE\n');
    git(['add', '-A'], root);
    const committed = run('git', ['commit', '-m', 'add a pinned Dockerfile'], root, { PRE_COMMIT_HOME: cache });
    assert.equal(committed.code, 0, committed.output);
    assert.match(committed.output, /shipshape\.+Passed/);
  });
});
