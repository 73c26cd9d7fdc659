/**
 * Runs the `shellcheck` program on scripts: one child process per script (argument array, script on
 * stdin, `--format=json1`), a few at a time, each with a time limit, results cached by script text.
 * A missing or failing ShellCheck is reported once through `onProblem`; the scripts then have no findings.
 */
import { spawn } from 'node:child_process';
import { parseShellCheckJson1, type ShellCheckComment } from '../rules/shared/shellcheck/findings';
import type { ShellScript } from '../rules/shared/shellcheck/script';

export interface ShellCheckOptions {
  /** The program: `shellcheck` on the PATH by default. */
  path?: string;
  timeoutMs?: number;
  /** How many ShellCheck processes may run at once. */
  parallel?: number;
  /** Told once, the first time ShellCheck cannot be run or fails. */
  onProblem?: (problem: ShellCheckProblem) => void;
}

export interface ShellCheckProblem {
  /** `missing`: the program is not there; `failed`: it ran but gave no usable answer. */
  kind: 'missing' | 'failed';
  message: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
// Recent scripts only: typing changes one script at a time, and a long session must not grow the heap.
const CACHE_LIMIT = 300;

export class ShellCheckRunner {
  readonly path: string;
  private readonly cache = new Map<string, Promise<ShellCheckComment[] | undefined>>();
  private readonly queue: Array<() => void> = [];
  private running = 0;
  private problemTold = false;
  /** Set once the program turned out not to exist: no more processes are started. */
  missing = false;

  constructor(private readonly options: ShellCheckOptions = {}) {
    this.path = options.path?.trim() || 'shellcheck';
  }

  /** ShellCheck's comments on one script; [] when it cannot be run. Never rejects. */
  async check(script: ShellScript): Promise<ShellCheckComment[]> {
    return (await this.attempt(script)) ?? [];
  }

  /**
   * ShellCheck's comments on each script it ran on successfully, by `shellcheckKey` (cached runs are
   * reused); scripts it could not be run on are left out.
   */
  async known(scripts: readonly ShellScript[]): Promise<Array<[string, ShellCheckComment[]]>> {
    const comments = await Promise.all(scripts.map((script) => this.attempt(script)));
    return scripts.flatMap((script, i) => {
      const found = comments[i];
      return found ? [[shellcheckKey(script), found] as [string, ShellCheckComment[]]] : [];
    });
  }

  /** The comments, or undefined when ShellCheck could not be run on the script. */
  private attempt(script: ShellScript): Promise<ShellCheckComment[] | undefined> {
    if (this.missing) return Promise.resolve(undefined);
    const key = shellcheckKey(script);
    let result = this.cache.get(key);
    if (!result) {
      result = this.whenFree(() => this.spawnOnce(script)).catch((error: unknown) => {
        // A failed run is not remembered: the next edit tries again.
        this.cache.delete(key);
        this.tell(error instanceof MissingProgram ? 'missing' : 'failed', String((error as Error).message ?? error));
        return undefined;
      });
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, result);
    }
    return result;
  }

  private tell(kind: ShellCheckProblem['kind'], message: string): void {
    if (kind === 'missing') this.missing = true;
    if (this.problemTold) return;
    this.problemTold = true;
    this.options.onProblem?.({ kind, message });
  }

  private async whenFree<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= (this.options.parallel ?? 4)) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  private spawnOnce(script: ShellScript): Promise<ShellCheckComment[]> {
    const args = ['--format=json1', `--shell=${script.dialect}`, '--norc'];
    if (script.exclude.length > 0) args.push(`--exclude=${script.exclude.join(',')}`);
    args.push('-');
    return new Promise((resolve, reject) => {
      const child = spawn(this.path, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${this.path} took longer than ${this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`));
      }, this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(error.code === 'ENOENT' ? new MissingProgram(`${this.path} was not found`) : error);
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        const output = Buffer.concat(stdout).toString('utf8');
        // 0: no comments, 1: comments; anything else is ShellCheck failing (bad options, a crash).
        if (code !== 0 && code !== 1) {
          const reason = Buffer.concat(stderr).toString('utf8').trim().split('\n')[0];
          reject(new Error(`${this.path} exited with ${code ?? 'a signal'}${reason ? `: ${reason}` : ''}`));
          return;
        }
        try {
          resolve(parseShellCheckJson1(output));
        } catch (error) {
          reject(new Error(`${this.path} gave unreadable output: ${(error as Error).message}`));
        }
      });
      // A process that dies before reading its input makes the write fail: the close handler says why.
      child.stdin.on('error', () => undefined);
      child.stdin.end(script.text);
    });
  }
}

class MissingProgram extends Error {}

/** What ShellCheck's answer depends on: the dialect, the checks left out and the script. */
export function shellcheckKey(script: ShellScript): string {
  return `${script.dialect}\0${script.exclude.join(',')}\0${script.text}`;
}
