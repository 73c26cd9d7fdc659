/**
 * Start-up stays small (issue 16): the built CLI loads its engine (the checker chunk) only when there is
 * something to check, and the shell parser, GitHub's workflow parser and the Kubernetes schema
 * (dist/chunks/, see esbuild-lazy.mjs) only when a file needs them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { writeFileTree } from '../helpers/file-tree';

const CLI = resolve('dist/cli.js');
const RECORDER = resolve('test/cli/fixtures/record-modules.mjs');
const CHUNKS = ['checker', 'kubernetes-schema', 'shell-parser', 'workflow-parser'];
const scratch = mkdtempSync(join(tmpdir(), 'shipshape-lazy-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the CLI on a folder of these files; returns the chunks it loaded, by name. */
function chunksLoaded(files: Record<string, string>, args: string[] = ['check', '.']): string[] {
  const folder = writeFileTree(mkdtempSync(join(scratch, 'project-')), files);
  const record = join(folder, '..', `${basename(folder)}.json`);
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(RECORDER).href, CLI, ...args], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SHIPSHAPE_RECORD_MODULES: record },
  });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  const loaded = JSON.parse(readFileSync(record, 'utf8')) as string[];
  return loaded
    .filter((path) => path.startsWith(resolve('dist/chunks')))
    .map((path) => basename(path, '.js'))
    .sort();
}

describe('lazy chunks of the built CLI', () => {
  test('every chunk is built', () => {
    for (const chunk of CHUNKS) assert.ok(existsSync(resolve('dist/chunks', `${chunk}.js`)), chunk);
  });

  test('an empty folder, a folder of other files, --version and --help load none', () => {
    assert.deepEqual(chunksLoaded({}), []);
    // Files of other kinds are not asked about; a subfolder is (a config file's `ignore` may name it).
    assert.deepEqual(chunksLoaded({ 'README.md': '# app\n', 'main.ts': 'export {};\n' }), []);
    assert.deepEqual(chunksLoaded({}, ['--version']), []);
    assert.deepEqual(chunksLoaded({}, ['--help']), []);
  });

  test('the rule list, and SARIF (which lists every rule), load the checker only', () => {
    assert.deepEqual(chunksLoaded({}, ['rules', '--format', 'json']), ['checker']);
    assert.deepEqual(chunksLoaded({}, ['check', '.', '--format', 'sarif']), ['checker']);
  });

  test('Compose and GitLab CI files load the checker only', () => {
    const compose = 'services:\n  web:\n    image: nginx:1.27\n';
    const gitlab = 'build:\n  script:\n    - make\n';
    assert.deepEqual(chunksLoaded({ 'compose.yaml': compose, '.gitlab-ci.yml': gitlab }), ['checker']);
  });

  test('a Dockerfile with a RUN loads the checker and the shell parser', () => {
    const dockerfile = 'FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER 1000\n';
    assert.deepEqual(chunksLoaded({ Dockerfile: dockerfile }), ['checker', 'shell-parser']);
  });

  test("a workflow loads the checker and GitHub's parser", () => {
    const workflow = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make\n';
    assert.deepEqual(chunksLoaded({ '.github/workflows/ci.yml': workflow }), ['checker', 'workflow-parser']);
  });

  test('a manifest loads the checker and the Kubernetes schema', () => {
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n';
    assert.deepEqual(chunksLoaded({ 'k8s/settings.yaml': manifest }), ['checker', 'kubernetes-schema']);
  });
});
