#!/usr/bin/env node
// `npm run test:e2e`: the extension tested where users meet it, in a real VS Code.
//
//   node test/e2e/run.mjs [--from-build] [--no-build] [--update-screenshots] [--grep <text>] [--timeout <seconds>]
//
// Desktop VS Code through @vscode/test-electron when one is available (VSCODE_EXECUTABLE, or a copy
// test-electron cached in .vscode-test/), else VS Code 1.96 from code-server in headless Chromium
// (set up by setup.sh). By default the packaged VSIX is installed into an isolated profile;
// --from-build (or SHIPSHAPE_E2E_FROM=build) loads the extension from dist/ instead.
// The output ends with mocha's summary; the exit code is non-zero on any failure or timeout.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTestsInBrowser } from './lib/browser.mjs';
import { buildExtension, compileTests, packageExtension, vsixPath } from './lib/build.mjs';
import { installVsix, startCodeServer } from './lib/code-server.mjs';
import { startControlServer } from './lib/control-server.mjs';
import { desktopCacheRoot, findDesktopVSCode, runTestsInDesktop } from './lib/desktop.mjs';
import { preparePodman } from './lib/podman.mjs';
import { cleanupAll, cleanupOnSignals, onCleanup, run } from './lib/processes.mjs';
import { createSummary } from './lib/summary.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.96.4';
const VSCODE_VERSION = '1.96.4';

const { values: options } = parseArgs({
  options: {
    'from-build': { type: 'boolean', default: process.env.SHIPSHAPE_E2E_FROM === 'build' },
    'no-build': { type: 'boolean', default: false },
    'update-screenshots': { type: 'boolean', default: false },
    grep: { type: 'string' },
    timeout: { type: 'string', default: process.env.SHIPSHAPE_E2E_TIMEOUT ?? '300' },
    verbose: { type: 'boolean', default: false },
  },
});
const timeoutMs = Number(options.timeout) * 1000;
const say = (message) => console.log(`[e2e] ${message}`);

async function main() {
  const started = Date.now();
  const desktop = await findDesktopVSCode(desktopCacheRoot(repoRoot), VSCODE_VERSION);
  if (!desktop)
    await run('bash', [join(repoRoot, 'test/e2e/setup.sh')], { env: { ...process.env, CODE_SERVER_VERSION } });

  const fromVsix = !options['from-build'];
  if (!options['no-build']) {
    say(fromVsix ? 'packaging the extension (npm run package)' : 'building the extension (npm run build)');
    if (fromVsix) await packageExtension(repoRoot);
    else await buildExtension(repoRoot);
  }
  const testsPath = await compileTests(repoRoot);

  const scratch = mkdtempSync(join(tmpdir(), 'shipshape-e2e-'));
  onCleanup(() => rmSync(scratch, { recursive: true, force: true }));
  const profile = isolatedProfile(scratch);
  // The tests edit and save fixture files: they work on a copy.
  const workspace = join(scratch, 'workspace');
  cpSync(join(repoRoot, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
  const screenshotDir = options['update-screenshots'] ? join(repoRoot, 'docs/images') : join(scratch, 'screenshots');
  mkdirSync(screenshotDir, { recursive: true });

  // The containers tests build and run images with a real Podman of their own.
  const podmanEnv = await preparePodman(repoRoot, scratch);

  const vsix = fromVsix ? vsixPath(repoRoot) : undefined;
  // VS Code runs extension tests only in development mode: to test the installed VSIX, the
  // development extension is an empty harness, so the VSIX is the Shipshape that gets loaded.
  const developmentPath = fromVsix ? join(repoRoot, 'test/e2e/harness') : repoRoot;
  const testEnv = {
    SHIPSHAPE_E2E_FROM: fromVsix ? 'vsix' : 'build',
    SHIPSHAPE_E2E_USER_DATA_DIR: profile.userDataDir,
    SHIPSHAPE_E2E_EXTENSIONS_DIR: profile.extensionsDir,
    ...(options.grep ? { SHIPSHAPE_E2E_GREP: options.grep } : {}),
    ...podmanEnv,
  };
  say(`extension: ${fromVsix ? `installed from ${vsix}` : `loaded from ${repoRoot}/dist`}; workspace: ${workspace}`);

  const result = desktop
    ? runTestsInDesktop({
        executable: desktop,
        profile,
        workspace,
        developmentPath,
        testsPath,
        vsix,
        env: testEnv,
        onOutput: summary.scan,
      })
    : runInCodeServer({ profile, workspace, developmentPath, testsPath, vsix, env: testEnv, screenshotDir });
  const code = await withTimeout(
    result,
    timeoutMs,
    `the tests did not finish within ${timeoutMs / 1000} s (raise it with --timeout <seconds>)`,
  );
  if (options['update-screenshots'])
    say(`screenshots written to ${screenshotDir}: ${readdirSync(screenshotDir).join(', ')}`);
  say(
    `${desktop ? `desktop VS Code ${desktop}` : `code-server ${CODE_SERVER_VERSION}`}: tests exited with code ${code} after ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return code;
}

async function runInCodeServer({ profile, workspace, developmentPath, testsPath, vsix, env, screenshotDir }) {
  const installDir = join(
    process.env.SHIPSHAPE_E2E_CACHE ?? join(repoRoot, '.vscode-test'),
    `code-server-${CODE_SERVER_VERSION}`,
  );
  if (vsix) {
    say(`installing ${vsix} into the isolated profile`);
    await installVsix(installDir, profile, vsix);
  }
  // code-server's own log is kept back unless something fails: it is noise when all is well.
  const serverLog = [];
  onCleanup(() => {
    if (exitCode !== 0 || options.verbose) for (const line of serverLog) console.error(`[code-server] ${line}`);
  });
  let page;
  const controlUrl = await startControlServer({ page: () => page, screenshotDir, log: say });
  const server = await startCodeServer({
    installDir,
    profile,
    workspace,
    env: { ...env, SHIPSHAPE_E2E_CONTROL_URL: controlUrl },
    log: (line) => (options.verbose ? console.error(`[code-server] ${line}`) : serverLog.push(line)),
  });
  say(`code-server ${CODE_SERVER_VERSION} (VS Code ${VSCODE_VERSION}) on ${server.url}; starting headless Chromium`);
  const { exitCode: testsExit } = await runTestsInBrowser({
    url: server.url,
    workspace,
    developmentPath,
    testsPath,
    onPage: (created) => (page = created),
    onLog: (level, message) => {
      summary.scan(message);
      if (!isWorkbenchNoise(message))
        console.log(level === 'error' || level === 'warn' ? `[${level}] ${message}` : message);
    },
  });
  const serverExit = server.child.exited.then(({ code, signal }) => {
    throw new Error(`code-server stopped during the tests (${signal ?? `exit ${code}`})`);
  });
  return Promise.race([testsExit, serverExit]);
}

/** A user-data folder and an extensions folder of our own, with settings that keep the workbench quiet. */
function isolatedProfile(scratch) {
  const userDataDir = join(scratch, 'user-data');
  const extensionsDir = join(scratch, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'update.mode': 'none',
    'editor.minimap.enabled': false,
    'window.restoreWindows': 'none',
    // The settings test writes .vscode/settings.json into the workspace; it need not show in screenshots.
    'files.exclude': { '**/.vscode': true },
    // The containers tests use the private Podman the runner configures.
    'shipshape.containers.engine': 'podman',
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return { userDataDir, extensionsDir };
}

/**
 * The workbench logs through the same channel as the extension host; its own chatter (connection
 * set-up, timings, the extension gallery it cannot reach offline) is not about our tests.
 */
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Creation of workbench contribution/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /open-vsx\.org|marketplace|extensionquery/i,
];
function isWorkbenchNoise(message) {
  return WORKBENCH_NOISE.some((pattern) => pattern.test(message));
}

function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout: ${message}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Started last, so that every declaration above is initialised before main() runs.
cleanupOnSignals();
const summary = createSummary();
let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  // The message says what went wrong; the stack is for debugging the runner itself.
  const err = error instanceof Error ? error : new Error(String(error));
  console.error(`[e2e] FAILED: ${options.verbose ? err.stack : err.message}`);
  exitCode = 1;
} finally {
  await cleanupAll();
}
summary.print(exitCode);
process.exit(exitCode);
