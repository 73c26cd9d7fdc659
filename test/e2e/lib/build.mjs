// What the end-to-end run needs from the project: the extension (bundled, or packaged as a VSIX)
// and the tests compiled to CommonJS for VS Code's extension host.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { run } from './processes.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function manifest(repoRoot) {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

export function vsixPath(repoRoot) {
  const { name, version } = manifest(repoRoot);
  return join(repoRoot, `${name}-${version}.vsix`);
}

export async function buildExtension(repoRoot) {
  await run(npm, ['run', '--silent', 'build'], { cwd: repoRoot });
}

export async function packageExtension(repoRoot) {
  await run(npm, ['run', '--silent', 'package'], { cwd: repoRoot });
  return vsixPath(repoRoot);
}

/**
 * One bundle per test file plus the mocha entry (index.ts), so that mocha loads each file itself
 * and reports it by name. `vscode` comes from the extension host, `mocha` and `web-tree-sitter` from node_modules.
 */
export async function compileTests(repoRoot) {
  const suiteDir = join(repoRoot, 'test', 'e2e', 'suite');
  const outdir = join(repoRoot, 'out', 'e2e');
  rmSync(outdir, { recursive: true, force: true });
  const entryPoints = readdirSync(suiteDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(suiteDir, name));
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    // web-tree-sitter from node_modules as Node requires it (its CommonJS build; the ESM one needs import.meta).
    external: ['vscode', 'mocha', 'web-tree-sitter'],
    logLevel: 'warning',
  });
  return join(outdir, 'index.js');
}
