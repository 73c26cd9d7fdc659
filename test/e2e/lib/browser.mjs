// Drives VS Code's web workbench in headless Chromium and runs the extension tests in it through the
// same contract as @vscode/test-electron: the `payload` URL parameter carries extensionDevelopmentPath
// and extensionTestsPath, the workbench calls window.codeAutomationExit(code) when `run()` settles and
// window.codeAutomationLog(level, message) for the extension host's output.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { onCleanup } from './processes.mjs';

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('no Chromium found: run test/e2e/setup.sh (apt-get install -y chromium) or set CHROMIUM_PATH');
  }
}

// Without the networking switches Chromium keeps dialling Google services, which fail here.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Open the workbench with the tests, and resolve with the exit code the tests report.
 * `onLog(level, message)` receives the extension host output; `onPage` the page, for screenshots.
 */
export async function runTestsInBrowser({ url, workspace, developmentPath, testsPath, onLog, onPage }) {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    // The runner's own handlers stop code-server too; Playwright's would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1120, height: 630 } });
  onPage(page);

  let resolveExit;
  const exitCode = new Promise((resolve) => (resolveExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  // The extension host's console calls arrive as their argument lists (mocha logs '%s%s', indent, title).
  await page.exposeFunction('codeAutomationLog', (level, message) =>
    onLog(level, Array.isArray(message) ? format(...message) : String(message)),
  );
  page.on('pageerror', (error) => onLog('error', `[workbench] ${error.message}`));
  page.on('crash', () => resolveExit(Promise.reject(new Error('the workbench page crashed'))));

  const remote = (path) => `vscode-remote://${new URL(url).host}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(developmentPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  const target = `${url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(target);
  return { exitCode, page };
}
