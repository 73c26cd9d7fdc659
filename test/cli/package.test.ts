/**
 * The npm package as users get it: `npm pack` (its prepack builds the production bundles) of a copy of
 * this repository, installed into an empty project, both bins run; then Debian's Neovim (0.7, push
 * diagnostics) drives the packed language server. Real tools only: `test/cli/setup-tools.sh` installs
 * Neovim when it is missing.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import packageJson from '../../package.json';

const REPO = resolve('.');
const MAX_PACKED_BYTES = 1.5 * 1024 * 1024;

interface Packed {
  tarball: string;
  files: string[];
  size: number;
  project: string;
  bin: (name: string) => string;
}

function run(command: string, args: string[], cwd: string, input?: string) {
  const result = spawnSync(command, args, { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Packs a copy of the sources, so that prepack's production build does not replace the `dist/` the other
 * CLI tests run while this one packs. node_modules is linked, not copied.
 */
function packAndInstall(): Packed {
  const work = mkdtempSync(join(tmpdir(), 'shipshape-pack-'));
  const source = join(work, 'source');
  mkdirSync(source);
  for (const entry of [
    'package.json',
    '.npmrc',
    'esbuild.mjs',
    'tsconfig.json',
    'README.md',
    'LICENSE',
    'esbuild-lazy.mjs',
    'server',
    'schemas',
  ])
    cpSync(join(REPO, entry), join(source, entry), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(source, 'node_modules'), 'dir');
  // A development build's source map left in dist/ must not be packed.
  mkdirSync(join(source, 'dist'));
  writeFileSync(join(source, 'dist/cli.js.map'), '{"version":3,"sources":[],"mappings":""}');
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], source);
  assert.equal(packed.code, 0, packed.stderr);
  const [report] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{
    filename: string;
    size: number;
    files: Array<{ path: string }>;
  }>;
  const tarball = join(work, report.filename);
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), '{ "name": "uses-shipshape", "private": true }\n');
  // The package has no runtime dependencies, so the install needs no registry.
  const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
  assert.equal(installed.code, 0, installed.stderr);
  return {
    tarball,
    files: report.files.map((f) => f.path).sort(),
    size: statSync(tarball).size,
    project,
    bin: (name) => join(project, 'node_modules', '.bin', name),
  };
}

let packed: Packed;

describe('the npm package', () => {
  before(() => {
    packed = packAndInstall();
  });
  after(() => rmSync(dirname(packed.tarball), { recursive: true, force: true }));

  test(`holds only what runs, and packs to less than 1.5 MB`, () => {
    assert.deepEqual(packed.files, [
      'LICENSE',
      'README.md',
      'dist/chunks/check-worker.js',
      'dist/chunks/checker.js',
      'dist/chunks/kubernetes-schema.js',
      'dist/chunks/server-main.js',
      'dist/chunks/shell-parser.js',
      'dist/chunks/workflow-parser.js',
      'dist/cli.js',
      'dist/language-server.js',
      'dist/server.js',
      'dist/wasm/tree-sitter-bash.wasm',
      'dist/wasm/web-tree-sitter.wasm',
      'package.json',
      'schemas/shipshape.schema.json',
    ]);
    assert.ok(packed.size < MAX_PACKED_BYTES, `${packed.size} bytes packed`);
    const cli = readFileSync(join(packed.project, 'node_modules/shipshape/dist/cli.js'), 'utf8');
    assert.doesNotMatch(cli, /sourceMappingURL/, 'production bundles without source maps');
    assert.ok(cli.startsWith('#!/usr/bin/env node'));
  });

  test('the shipshape bin checks files and standard input', () => {
    assert.deepEqual(run(packed.bin('shipshape'), ['--version'], packed.project), {
      code: 0,
      stdout: `${packageJson.version}\n`,
      stderr: '',
    });
    // A RUN script: the shell parser's WebAssembly loads from the package, not from node_modules.
    writeFileSync(join(packed.project, 'Dockerfile'), 'FROM node:latest\nRUN apt-get install -y curl\n');
    const checked = run(packed.bin('shipshape'), ['check', 'Dockerfile', '--format', 'json'], packed.project);
    assert.equal(checked.code, 0, checked.stderr);
    const rules = (JSON.parse(checked.stdout) as { findings: Array<{ rule: string }> }).findings.map((f) => f.rule);
    assert.ok(rules.includes('dockerfile/pin-base-image'), checked.stdout);
    assert.ok(rules.includes('dockerfile/apt-no-install-recommends'), checked.stdout);
    const stdin = run(
      packed.bin('shipshape'),
      ['check', '--stdin', '--stdin-filename', 'Dockerfile', '--format', 'github'],
      packed.project,
      'FROM node:latest\n',
    );
    assert.match(
      stdin.stdout,
      /^::warning file=Dockerfile,line=1,col=11,endLine=1,endColumn=17,title=dockerfile\/pin-base-image::/m,
    );
  });

  test('the shipshape-language-server bin speaks LSP over stdio (the default transport)', async () => {
    assert.equal(
      run(packed.bin('shipshape-language-server'), ['--version'], packed.project).stdout,
      `${packageJson.version}\n`,
    );
    const server = spawn(packed.bin('shipshape-language-server'), [], { cwd: packed.project, stdio: 'pipe' });
    const connection = createProtocolConnection(
      new StreamMessageReader(server.stdout),
      new StreamMessageWriter(server.stdin),
    );
    try {
      const published = new Promise<PublishDiagnosticsParams>((done) =>
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
          if (params.diagnostics.length > 0) done(params);
        }),
      );
      connection.listen();
      const uri = pathToFileURL(join(packed.project, 'Dockerfile')).href;
      const init = (await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(packed.project).href,
        capabilities: {},
      })) as { serverInfo?: { name: string } };
      assert.ok(init);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version: 1, text: 'FROM node:latest\nUSER node\n' },
      });
      const params = await published;
      assert.equal(params.uri, uri);
      assert.deepEqual(
        params.diagnostics.map((d) => [d.code, d.range.start.character, d.range.end.character]),
        [['dockerfile/pin-base-image', 10, 16]],
      );
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      server.kill();
    }
  });

  describe('in Neovim (built-in LSP client)', () => {
    before(() => {
      const setup = run('bash', [join(REPO, 'test/cli/setup-tools.sh')], REPO);
      assert.equal(setup.code, 0, `${setup.stdout}${setup.stderr}`);
    });

    test('a Dockerfile gets dockerfile/pin-base-image with its range, and the quick fix applies its edit', () => {
      const folder = mkdtempSync(join(tmpdir(), 'shipshape-nvim-'));
      writeFileSync(join(folder, 'Dockerfile'), 'FROM node:latest\nUSER node\n');
      const out = join(folder, 'out.json');
      const result = spawnSync(
        'nvim',
        ['--headless', '--clean', '-u', join(REPO, 'test/cli/fixtures/neovim-lsp.lua')],
        {
          cwd: folder,
          encoding: 'utf8',
          timeout: 60_000,
          env: { ...process.env, SHIPSHAPE_OUT: out, SHIPSHAPE_SERVER: packed.bin('shipshape-language-server') },
        },
      );
      assert.equal(result.status, 0, result.stderr);
      const seen = JSON.parse(readFileSync(out, 'utf8')) as {
        error?: string;
        diagnostics: Array<{
          code: string;
          source: string;
          lnum: number;
          col: number;
          end_lnum: number;
          end_col: number;
        }>;
        actions: Array<{ title: string; kind: string; isPreferred?: boolean }>;
        fixed?: string;
      };
      assert.equal(seen.error, undefined);
      assert.deepEqual(seen.diagnostics, [
        {
          code: 'dockerfile/pin-base-image',
          source: 'shipshape',
          lnum: 0,
          col: 10,
          end_lnum: 0,
          end_col: 16,
          severity: 2,
        },
      ]);
      assert.deepEqual(
        seen.actions.map((a) => [a.title, a.kind]),
        [
          ['Pin a version tag instead of latest', 'quickfix'],
          ['Ignore dockerfile/pin-base-image on this line', 'quickfix'],
          ['Ignore dockerfile/pin-base-image in this file', 'quickfix'],
        ],
      );
      assert.equal(seen.fixed, 'FROM node:tag', 'the edit, applied by Neovim, replaces latest with the placeholder');
    });
  });
});
