/**
 * Running the engine's CLI. Always an argument array and `shell: false`, so a tag, path or value
 * containing `;`, `$()`, quotes or spaces reaches the CLI as one literal argument. Every process can
 * be cancelled through an AbortSignal; the caller ties that signal to the task or window lifetime.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Give up (and kill the process) after this many milliseconds. */
  timeoutMs?: number;
  /** Streamed output, for progress in a terminal; the full text is still returned. */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
}

export interface RunResult {
  /** The exit code, or undefined when the process was killed or could not start. */
  code: number | undefined;
  stdout: string;
  stderr: string;
  /** Set when the executable could not be started at all (ENOENT, EACCES). */
  spawnError?: NodeJS.ErrnoException;
  cancelled: boolean;
  timedOut: boolean;
}

/** What the core needs from the operating system; tests may substitute their own. */
export interface Runner {
  run(executable: string, args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** A long-running process whose lines are delivered as they come (`events`, `logs -f`). */
  stream(executable: string, args: readonly string[], options: StreamOptions): StreamHandle;
}

export interface StreamOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  onLine: (line: string) => void;
  onExit: (result: { code: number | undefined; stderr: string; spawnError?: NodeJS.ErrnoException }) => void;
}

export interface StreamHandle {
  stop(): void;
}

/**
 * SIGINT first, as Ctrl-C in a terminal would: the CLIs treat it as "cancel" and clean up (Podman
 * stops the running build step; on SIGTERM it leaves it running). A CLI that ignores it is killed
 * after a grace period.
 */
function terminate(child: ChildProcess, graceMs = 5000): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, graceMs);
  timer.unref();
}

export const nodeRunner: Runner = {
  run(executable, args, options = {}) {
    return new Promise((resolve) => {
      let stdout = '';
      let stderr = '';
      let cancelled = false;
      let timedOut = false;
      let spawnError: NodeJS.ErrnoException | undefined;
      if (options.signal?.aborted) {
        resolve({ code: undefined, stdout, stderr, cancelled: true, timedOut });
        return;
      }
      const child = spawn(executable, [...args], {
        cwd: options.cwd,
        env: options.env ?? process.env,
        shell: false,
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
      const onAbort = () => {
        cancelled = true;
        terminate(child);
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const timer =
        options.timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              terminate(child, 500);
            }, options.timeoutMs);
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        options.onOutput?.(chunk, 'stdout');
      });
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        options.onOutput?.(chunk, 'stderr');
      });
      child.once('error', (error: NodeJS.ErrnoException) => {
        spawnError = error;
      });
      child.once('close', (code) => {
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve({ code: code ?? undefined, stdout, stderr, spawnError, cancelled, timedOut });
      });
    });
  },

  stream(executable, args, options) {
    const child = spawn(executable, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let pending = '';
    let stderr = '';
    let spawnError: NodeJS.ErrnoException | undefined;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) options.onLine(line);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    child.once('close', (code) => {
      if (pending.trim()) options.onLine(pending);
      options.onExit({ code: code ?? undefined, stderr, spawnError });
    });
    return { stop: () => terminate(child) };
  },
};
