// `npm run package`: the VSIX, packed from a staging folder. package.json's "files" lists what the npm
// package ships (the CLI and the language server), and vsce refuses a folder that has both "files" and
// a .vscodeignore, so the extension's own list (.vscodeignore: everything out, then `!path` back in) is
// copied to .tmp/vsix with a manifest without "files", and packed there into the repository's root.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staging = join(root, '.tmp', 'vsix');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Files of the repository that a `!pattern` of .vscodeignore brings back in. */
function included() {
  const patterns = readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1));
  return patterns.flatMap((pattern) => {
    if (!/[*?[{]/.test(pattern)) return existsSync(join(root, pattern)) ? [pattern] : [];
    const folder = pattern.slice(0, pattern.lastIndexOf('/') + 1);
    const matches = picomatch(pattern);
    return readdirSync(join(root, folder))
      .map((name) => folder + name)
      .filter((path) => matches(path));
  });
}

rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
for (const path of included()) {
  if (path === 'package.json') continue;
  mkdirSync(dirname(join(staging, path)), { recursive: true });
  copyFileSync(join(root, path), join(staging, path));
}
// The extension needs neither the npm package's file list nor the development scripts.
const extensionManifest = { ...manifest };
delete extensionManifest.files;
delete extensionManifest.scripts;
writeFileSync(join(staging, 'package.json'), `${JSON.stringify(extensionManifest, null, 2)}\n`);
copyFileSync(join(root, '.vscodeignore'), join(staging, '.vscodeignore'));

const out = join(root, `${manifest.name}-${manifest.version}.vsix`);
const vsce = join(root, 'node_modules', '.bin', 'vsce');
const result = spawnSync(vsce, ['package', '--no-dependencies', '--out', out], { cwd: staging, stdio: 'inherit' });
process.exit(result.status ?? 1);
