// Every process the runner starts is registered here, so that success, failure, timeout and
// Ctrl-C all end in the same cleanup and nothing is left running.
import { spawn } from 'node:child_process';

const cleanups = [];
let cleaning;

/** Register an async cleanup; they run last-registered first. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

export function cleanupAll() {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (error) {
        console.error(`[e2e] cleanup failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}

/** Ctrl-C, `kill`, a closed terminal and a crash of the runner itself still stop code-server and Chromium. */
export function cleanupOnSignals() {
  for (const event of ['uncaughtException', 'unhandledRejection']) {
    process.once(event, (error) => {
      console.error(`[e2e] runner crashed: ${error?.stack ?? error}`);
      void cleanupAll().finally(() => process.exit(1));
    });
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      console.error(`\n[e2e] ${signal}: stopping what the runner started`);
      void cleanupAll().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
    });
  }
}

/**
 * Spawn in its own process group (so its children, like VS Code's extension host, can be stopped
 * with it) and register the group's termination.
 */
/** @typedef {{ code: number | null, signal: NodeJS.Signals | null }} Exit */
/** @typedef {import('node:child_process').ChildProcess & { exited: Promise<Exit> }} TrackedProcess */

/**
 * @param {string} command
 * @param {readonly string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {TrackedProcess}
 */
export function spawnTracked(command, args, options = {}) {
  const spawned = spawn(command, args, { ...options, detached: true });
  /** @type {Promise<Exit>} */
  const exited = new Promise((resolve) => spawned.once('exit', (code, signal) => resolve({ code, signal })));
  const child = Object.assign(spawned, { exited });
  onCleanup(() => killGroup(child, exited));
  return child;
}

async function killGroup(child, exited) {
  if (child.pid === undefined) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false; // the group is empty: every member has exited
    }
  };
  if (!signalGroup('SIGTERM')) return;
  const deadline = Date.now() + 5000;
  await Promise.race([exited, delay(5000)]);
  // The leader exiting is not enough: its children (extension host, file watcher) must be gone too.
  while (signalGroup(0) && Date.now() < deadline) await delay(100);
  if (signalGroup('SIGKILL'))
    console.error(`[e2e] processes of ${child.spawnfile} (group ${child.pid}) ignored SIGTERM: killed`);
}

export function delay(ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
  });
}

/** Run a command to completion, streaming its output, and fail loudly on a non-zero exit. */
export function run(command, args, options = {}) {
  return /** @type {Promise<void>} */ (
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: 'inherit', ...options });
      // Interrupted mid-build: stop the build too (a terminal's Ctrl-C reaches it anyway, a kill does not).
      onCleanup(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      });
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
      );
    })
  );
}
