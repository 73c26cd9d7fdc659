/**
 * The "Shipshape" output channel is a log output channel: VS Code writes it to
 * `<user-data>/logs/<session>/…/shipshape.shipshape/Shipshape.log` (exthost1/ in code-server,
 * window1/exthost/ in desktop VS Code). Reading that file is how a test sees what the user sees in
 * the Output view; the runner tells us the isolated user-data folder.
 */
import { existsSync, readFileSync, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { EVENT_TIMEOUT_MS, EXTENSION_ID } from './helpers';

const CHANNEL_FILE = 'Shipshape.log';

function logsRoot(): string {
  const userData = process.env.SHIPSHAPE_E2E_USER_DATA_DIR;
  if (!userData) throw new Error('SHIPSHAPE_E2E_USER_DATA_DIR is not set: run the tests with test/e2e/run.mjs');
  return join(userData, 'logs');
}

/** The newest session's channel file, if VS Code has created it yet. */
function channelFile(): string | undefined {
  const root = logsRoot();
  if (!existsSync(root)) return undefined;
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name === EXTENSION_ID && existsSync(join(path, CHANNEL_FILE)))
        found.push(join(path, CHANNEL_FILE));
      else if (entry.isDirectory() && depth < 4) visit(path, depth + 1);
    }
  };
  visit(root, 0);
  return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

export function outputChannelText(): string {
  const file = channelFile();
  return file ? readFileSync(file, 'utf8') : '';
}

/** Wait until the channel's text satisfies `accept`, re-reading whenever a file under logs/ changes. */
export function waitForOutput<T>(
  accept: (text: string) => T | undefined,
  what: string,
  timeoutMs = EVENT_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = () => accept(outputChannelText());
    const first = check();
    if (first !== undefined) return resolve(first);
    const watcher = watch(logsRoot(), { recursive: true }, () => {
      const value = check();
      if (value === undefined) return;
      finish();
      resolve(value);
    });
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `timed out after ${timeoutMs / 1000} s waiting for ${what} in the Shipshape output channel; it shows:\n${outputChannelText() || '(nothing)'}`,
        ),
      );
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      watcher.close();
    };
  });
}
