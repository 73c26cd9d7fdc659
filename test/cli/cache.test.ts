/**
 * `shipshape check --cache` on the built CLI: a stored result is reused only while everything it depends
 * on is unchanged. A hit is told apart from a fresh check by editing a stored message: only a result
 * read from the cache can carry the edit.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';

const CLI = resolve('dist/cli.js');
const DEFAULT_LOCATION = 'node_modules/.cache/shipshape/results.json';
const TAMPERED = 'read from the cache';
const scratch = mkdtempSync(join(tmpdir(), 'shipshape-cache-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Reported {
  findings: Array<{ file: string; rule: string; message: string; line: number; column: number }>;
}

function project(files: Record<string, string>): string {
  const folder = mkdtempSync(join(scratch, 'project-'));
  for (const [path, text] of Object.entries(files)) write(folder, path, text);
  return folder;
}

function write(folder: string, path: string, text: string): void {
  mkdirSync(join(folder, path, '..'), { recursive: true });
  writeFileSync(join(folder, path), text);
}

function check(folder: string, ...extra: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--fail-on', 'none', ...extra], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  assert.equal(result.status, 0, result.stderr);
  return { report: JSON.parse(result.stdout) as Reported, stderr: result.stderr };
}

/** Rewrites every stored message of one rule, so that a result taken from the cache shows it. */
function tamper(cacheFile: string, rule: string): void {
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
    entries: Record<string, { findings: Array<{ ruleId: string; message: string }> }>;
  };
  let edited = 0;
  for (const entry of Object.values(cache.entries)) {
    for (const finding of entry.findings) {
      if (finding.ruleId === rule) {
        finding.message = TAMPERED;
        edited++;
      }
    }
  }
  assert.ok(edited > 0, `the cache holds a ${rule} finding`);
  writeFileSync(cacheFile, JSON.stringify(cache));
}

const messages = (report: Reported, rule: string) =>
  report.findings.filter((finding) => finding.rule === rule).map((finding) => finding.message);

const DOCKERFILE = 'FROM node:latest\nUSER node\nCMD ["node", "server.js"]\n';

describe('shipshape check --cache', () => {
  test('a second run over unchanged files reuses the stored findings, which equal a fresh check', () => {
    const folder = project({ Dockerfile: DOCKERFILE });
    const fresh = check(folder);
    const first = check(folder, '--cache');
    assert.deepEqual(first.report, fresh.report);
    assert.ok(existsSync(join(folder, DEFAULT_LOCATION)), 'stored under node_modules/.cache/shipshape');
    assert.deepEqual(check(folder, '--cache').report, fresh.report);
    tamper(join(folder, DEFAULT_LOCATION), 'dockerfile/pin-base-image');
    assert.deepEqual(messages(check(folder, '--cache').report, 'dockerfile/pin-base-image'), [TAMPERED]);
    assert.notDeepEqual(
      messages(check(folder).report, 'dockerfile/pin-base-image'),
      [TAMPERED],
      'no --cache, no cache',
    );
  });

  test('a changed file is checked afresh', () => {
    const folder = project({ Dockerfile: DOCKERFILE });
    check(folder, '--cache');
    tamper(join(folder, DEFAULT_LOCATION), 'dockerfile/pin-base-image');
    write(folder, 'Dockerfile', DOCKERFILE.replace('node:latest', 'node:latest\n'));
    const [message] = messages(check(folder, '--cache').report, 'dockerfile/pin-base-image');
    assert.match(message, /latest/);
  });

  test('a changed or added config file is a miss for the files it applies to', () => {
    const folder = project({ Dockerfile: DOCKERFILE });
    check(folder, '--cache');
    tamper(join(folder, DEFAULT_LOCATION), 'dockerfile/pin-base-image');
    write(folder, '.shipshape.yaml', 'rules:\n  dockerfile/healthcheck: off\n');
    const [message] = messages(check(folder, '--cache').report, 'dockerfile/pin-base-image');
    assert.match(message, /latest/);
    write(folder, '.shipshape.yaml', 'rules:\n  dockerfile/pin-base-image: off\n');
    assert.deepEqual(messages(check(folder, '--cache').report, 'dockerfile/pin-base-image'), []);
  });

  test('a cross-file result is checked afresh when another file it read changes', () => {
    const service =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
    const deployment = (app: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
    const kustomization = 'resources:\n  - service.yaml\n  - deployment.yaml\n';
    const folder = project({
      'k8s/kustomization.yaml': kustomization,
      'k8s/service.yaml': service,
      'k8s/deployment.yaml': deployment('web'),
    });
    assert.deepEqual(messages(check(folder, '--cache').report, 'kubernetes/service-selector'), []);
    write(folder, 'k8s/deployment.yaml', deployment('api'));
    const findings = check(folder, '--cache').report.findings.filter((f) => f.rule === 'kubernetes/service-selector');
    assert.deepEqual(
      findings.map((finding) => finding.file),
      ['k8s/service.yaml'],
      'the unchanged Service is judged against the changed Deployment',
    );
  });

  test('a file read from disk by a rule (.dockerignore) that changed is a miss', () => {
    const dockerfile = 'FROM node:22.11.0\nCOPY secrets.txt /app/\nUSER node\nCMD ["node", "server.js"]\n';
    const folder = project({ Dockerfile: dockerfile, '.dockerignore': 'secrets.txt\n', 'secrets.txt': 'x\n' });
    assert.equal(messages(check(folder, '--cache').report, 'dockerfile/copy-ignored-file').length, 1);
    write(folder, '.dockerignore', 'node_modules\n');
    assert.deepEqual(messages(check(folder, '--cache').report, 'dockerfile/copy-ignored-file'), []);
  });

  test('a corrupted cache file is reported, ignored and replaced', () => {
    const folder = project({ Dockerfile: DOCKERFILE });
    const fresh = check(folder);
    write(folder, DEFAULT_LOCATION, '{"format":1,"engine":');
    const run = check(folder, '--cache');
    assert.deepEqual(run.report, fresh.report);
    assert.match(run.stderr, /cache file unreadable/);
    const stored = JSON.parse(readFileSync(join(folder, DEFAULT_LOCATION), 'utf8')) as { entries: object };
    assert.equal(Object.keys(stored.entries).length, 1);
    write(folder, DEFAULT_LOCATION, '{"format":1,"engine":"x","host":[],"entries":{"/a":{"key":3}}}');
    assert.deepEqual(check(folder, '--cache').report, fresh.report);
  });

  test('--cache-location names the file, or a folder to put it in', () => {
    const folder = project({ Dockerfile: DOCKERFILE });
    check(folder, '--cache', '--cache-location', 'build/lint-cache.json');
    assert.ok(existsSync(join(folder, 'build/lint-cache.json')));
    check(folder, '--cache', '--cache-location', 'cache-folder/');
    assert.ok(existsSync(join(folder, 'cache-folder/.shipshape-cache.json')));
    assert.ok(!existsSync(join(folder, DEFAULT_LOCATION)));
  });

  test('on the examples, a cached run reports exactly what a fresh one does', () => {
    const fresh = check(resolve('examples'));
    const location = join(scratch, 'examples-cache.json');
    assert.deepEqual(check(resolve('examples'), '--cache', '--cache-location', location).report, fresh.report);
    assert.deepEqual(check(resolve('examples'), '--cache', '--cache-location', location).report, fresh.report);
  });
});
