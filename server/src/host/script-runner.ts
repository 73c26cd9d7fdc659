/**
 * Runs an outside script checker (ShellCheck, pyflakes) on scripts: one child process per script (argument
 * array, script on stdin), a few at a time, each with a time limit, results cached by what the answer depends
 * on. A missing or failing program is reported once through `onProblem`; the scripts then have no findings.
 */
import { spawn } from 'node:child_process';
import type { ScriptChecker } from '../rules/shared/scripts/checker';
import type { MappedScript } from '../rules/shared/scripts/mapped-script';

/** How to run one checker's program and read its answer. */
export interface ScriptProgram<S extends MappedScript = MappedScript, C = unknown> {
  checker: ScriptChecker<S, C>;
  /** How messages name it: `ShellCheck`; what it checks (`RUN and run: scripts`); what to install to have it. */
  name: string;
  scripts: string;
  install: string;
  /** The programs looked up on the PATH, in turn, when no path is configured (`pyflakes`, Debian's `pyflakes3`). */
  defaultPaths: readonly string[];
  args(script: S): string[];
  /** Its comments, from its exit code and output; throws when they say the program failed. */
  read(output: ProgramOutput): C[];
}

export interface ProgramOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ScriptRunnerOptions {
  /** The program: the checker's own on the PATH by default (the first of its `defaultPaths` found). */
  path?: string;
  timeoutMs?: number;
  /** How many processes may run at once. */
  parallel?: number;
  /** Told once, the first time the program cannot be run or fails. */
  onProblem?: (problem: ScriptRunnerProblem) => void;
}

export interface ScriptRunnerProblem {
  /** `missing`: the program is not there; `failed`: it ran but gave no usable answer. */
  kind: 'missing' | 'failed';
  message: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
// Recent scripts only: typing changes one script at a time, and a long session must not grow the heap.
const CACHE_LIMIT = 300;

export class ScriptRunner<S extends MappedScript = MappedScript, C = unknown> {
  /** The program run: the configured one, else the default name found (the first until one is missing). */
  path: string;
  private readonly candidates: string[];
  private readonly cache = new Map<string, Promise<C[] | undefined>>();
  private readonly queue: Array<() => void> = [];
  private running = 0;
  private problemTold = false;
  /** Set once the program turned out not to exist: no more processes are started. */
  missing = false;

  constructor(
    readonly program: ScriptProgram<S, C>,
    private readonly options: ScriptRunnerOptions = {},
  ) {
    const configured = options.path?.trim();
    this.candidates = configured ? [configured] : [...program.defaultPaths];
    this.path = this.candidates[0];
  }

  get checker(): ScriptChecker<S, C> {
    return this.program.checker;
  }

  /** The program's comments on one script; [] when it cannot be run. Never rejects. */
  async check(script: S): Promise<C[]> {
    return (await this.attempt(script)) ?? [];
  }

  /**
   * The comments on each script the program ran on successfully, by the checker's `key` (cached runs are
   * reused); scripts it could not be run on are left out.
   */
  async known(scripts: readonly S[]): Promise<Array<[string, C[]]>> {
    const comments = await Promise.all(scripts.map((script) => this.attempt(script)));
    return scripts.flatMap((script, i) => {
      const found = comments[i];
      return found ? [[this.checker.key(script), found] as [string, C[]]] : [];
    });
  }

  /** The comments, or undefined when the program could not be run on the script. */
  private attempt(script: S): Promise<C[] | undefined> {
    if (this.missing) return Promise.resolve(undefined);
    const key = this.checker.key(script);
    let result = this.cache.get(key);
    if (!result) {
      result = this.whenFree(() => this.spawnFound(script)).catch((error: unknown) => {
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

  private tell(kind: ScriptRunnerProblem['kind'], message: string): void {
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

  /** Runs the program, trying the next default name while the one tried is not installed. */
  private async spawnFound(script: S): Promise<C[]> {
    for (;;) {
      const path = this.path;
      try {
        return await this.spawnOnce(path, script);
      } catch (error) {
        const next = this.candidates.indexOf(path) + 1;
        if (!(error instanceof MissingProgram) || next >= this.candidates.length) throw error;
        // Another script may have moved on already: only the name that failed is left behind.
        if (this.path === path) this.path = this.candidates[next];
      }
    }
  }

  private spawnOnce(path: string, script: S): Promise<C[]> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const child = spawn(path, this.program.args(script), { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${path} took longer than ${timeoutMs} ms`));
      }, timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          error.code === 'ENOENT'
            ? new MissingProgram(
                this.candidates.length > 1
                  ? `${this.candidates.join(' and ')} were not found`
                  : `${path} was not found`,
              )
            : error,
        );
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        const output = {
          code,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        };
        try {
          resolve(this.program.read(output));
        } catch (error) {
          reject(new Error(`${path} ${(error as Error).message}`));
        }
      });
      // A process that dies before reading its input makes the write fail: the close handler says why.
      child.stdin.on('error', () => undefined);
      child.stdin.end(script.text);
    });
  }
}

class MissingProgram extends Error {}

/** What a failing program said, for its notice: its first line, or a Python traceback's last (the error). */
export function exitedWith(output: ProgramOutput): string {
  const lines = output.stderr.trim().split('\n');
  const reason = (lines[0].startsWith('Traceback ') ? lines.at(-1) : lines[0])?.trim();
  return `exited with ${output.code ?? 'a signal'}${reason ? `: ${reason}` : ''}`;
}
