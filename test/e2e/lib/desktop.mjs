// Desktop VS Code through @vscode/test-electron, for machines that have one (VSCODE_EXECUTABLE) or
// that downloaded one before (test-electron's cache in .vscode-test/vscode-*).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The executable to use, or undefined to fall back to code-server. */
export async function findDesktopVSCode(cacheRoot, version) {
  if (process.env.VSCODE_EXECUTABLE) {
    if (!existsSync(process.env.VSCODE_EXECUTABLE))
      throw new Error(`VSCODE_EXECUTABLE=${process.env.VSCODE_EXECUTABLE} does not exist`);
    return process.env.VSCODE_EXECUTABLE;
  }
  const cached =
    existsSync(cacheRoot) &&
    readdirSync(cacheRoot).some((name) => name.startsWith('vscode-') && name.endsWith(version));
  if (!cached) return undefined;
  // A cache hit: test-electron returns the folder it already unpacked without going to the network.
  const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  return downloadAndUnzipVSCode({ version, cachePath: cacheRoot });
}

/**
 * Run the suite in desktop VS Code. Resolves with the exit code; `onOutput` sees every chunk VS Code
 * prints (test-electron writes the extension host's output to our stdout).
 */
export async function runTestsInDesktop({
  executable,
  profile,
  workspace,
  developmentPath,
  testsPath,
  vsix,
  env,
  onOutput,
}) {
  const testElectron = await import('@vscode/test-electron');
  const profileArgs = [`--user-data-dir=${profile.userDataDir}`, `--extensions-dir=${profile.extensionsDir}`];
  if (vsix) {
    const [cli] = testElectron.resolveCliArgsFromVSCodeExecutablePath(executable);
    const result = spawnSync(cli, [...profileArgs, '--install-extension', vsix, '--force'], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`installing ${vsix} into desktop VS Code failed`);
  }
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => {
    onOutput(String(chunk));
    return write(chunk, ...rest);
  };
  try {
    return await testElectron.runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: developmentPath,
      extensionTestsPath: testsPath,
      extensionTestsEnv: env,
      launchArgs: [
        workspace,
        ...profileArgs,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
      ],
    });
  } catch (error) {
    // test-electron rejects with the exit code when the tests fail; that is a result, not a crash.
    if (error instanceof testElectron.TestRunFailedError && typeof error.code === 'number') return error.code;
    throw error;
  } finally {
    process.stdout.write = write;
  }
}

export function desktopCacheRoot(repoRoot) {
  return process.env.SHIPSHAPE_E2E_CACHE ?? join(repoRoot, '.vscode-test');
}
