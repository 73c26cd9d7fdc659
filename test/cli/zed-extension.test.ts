/**
 * The Zed extension (editors/zed) cannot be compiled here (its crate comes from crates.io, which this
 * machine cannot reach, and there is no Zed to load it), so this checks what ties it to the package:
 * the server id the settings are read under, the executable it starts, its arguments and languages,
 * and the configuration section it answers, against package.json, the server and the README.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const manifest = readFileSync('editors/zed/extension.toml', 'utf8');
const source = readFileSync('editors/zed/src/lib.rs', 'utf8');
const cargo = readFileSync('editors/zed/Cargo.toml', 'utf8');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
const readme = readFileSync('README.md', 'utf8');

test('the extension registers one language server, "shipshape", for Zed’s Dockerfile and YAML languages', () => {
  const servers = [...manifest.matchAll(/^\[language_servers\.([\w-]+)\]$/gm)].map((m) => m[1]);
  assert.deepEqual(servers, ['shipshape']);
  assert.match(manifest, /^languages = \["Dockerfile", "YAML"\]$/m);
  assert.match(manifest, /^schema_version = 1$/m);
  assert.match(cargo, /crate-type = \["cdylib"\]/);
  assert.match(cargo, /^zed_extension_api = "\d+\.\d+\.\d+"$/m);
});

test('it starts the package’s language-server bin over stdio unless the settings name another', () => {
  const bin = /const SERVER_BIN: &str = "([^"]+)";/.exec(source)?.[1];
  assert.ok(bin && bin in pkg.bin, `${bin} is one of package.json's bins (${Object.keys(pkg.bin).join(', ')})`);
  assert.match(source, /worktree\.which\(SERVER_BIN\)/);
  assert.match(source, /unwrap_or_else\(\|\| vec!\["--stdio"\.to_string\(\)\]\)/);
  assert.match(source, /zed::register_extension!\(ShipshapeExtension\);/);
});

test('it answers the server’s workspace/configuration section', () => {
  const section = /getConfiguration\(\{ scopeUri: uri, section: '([^']+)' \}\)/.exec(
    readFileSync('server/src/lsp/settings.ts', 'utf8'),
  )?.[1];
  assert.equal(section, 'shipshape');
  assert.match(source, new RegExp(`json!\\(\\{ "${section}": settings \\}\\)`));
});

test('the README tells how to install it and configure it under the same server id', () => {
  const zed = readme.slice(readme.indexOf('**Zed**'));
  assert.match(zed, /editors\/zed/);
  assert.match(zed, /Install Dev Extension/);
  assert.match(zed, /"lsp": \{\s*"shipshape"/);
});
