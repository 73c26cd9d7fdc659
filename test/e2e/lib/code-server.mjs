// Starts VS Code's server and web workbench from the cached code-server install (test/e2e/setup.sh).
import { createServer } from 'node:net';
import { join } from 'node:path';
import { delay, run, spawnTracked } from './processes.mjs';

export function codeServerBin(installDir) {
  return join(installDir, 'node_modules', '.bin', 'code-server');
}

/** A port the OS says is free right now (bind to 0, read it, release it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const commonArgs = (profile) => [
  '--disable-telemetry',
  '--disable-update-check',
  '--user-data-dir',
  profile.userDataDir,
  '--extensions-dir',
  profile.extensionsDir,
];

/** Install a VSIX into the isolated profile, the way a user would with `--install-extension`. */
export async function installVsix(installDir, profile, vsixPath) {
  await run(codeServerBin(installDir), [...commonArgs(profile), '--install-extension', vsixPath, '--force']);
}

/**
 * Start code-server on a free port with the isolated profile, and resolve once it answers HTTP.
 * Its output goes to `log` (a function taking one line), prefixed so it is told apart from tests.
 */
export async function startCodeServer({ installDir, profile, workspace, env, log, timeoutMs = 60_000 }) {
  const port = await freePort();
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...commonArgs(profile),
    workspace,
  ];
  const child = spawnTracked(codeServerBin(installDir), args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) log(line);
    });
  }
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exited = await Promise.race([child.exited, delay(250).then(() => undefined)]);
    if (exited) throw new Error(`code-server exited before it answered (${exited.signal ?? `exit ${exited.code}`})`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return { url, port, child };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s`);
  }
}
