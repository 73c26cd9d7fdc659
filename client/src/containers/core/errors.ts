/**
 * Turning a failed CLI call into one sentence a user can act on. The engines' stderr is precise but
 * written for their own developers; we recognise the few failures users meet every day and pass the
 * engine's own first error line through for the rest. Never a stack trace.
 */
import type { RunResult } from './process';

export type EngineKind = 'docker' | 'podman';

/** A failure with a message meant for the user. */
export class EngineError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'not-running' | 'permission' | 'too-old' | 'cancelled' | 'failed',
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

// Anchored at a line start: the CLI's own message, not a build step's output that mentions it.
const NOT_RUNNING = [
  /^(?:ERROR: |Error: )?Cannot connect to the Docker daemon/im,
  /^error during connect/im,
  // Docker 28.3 and later.
  /^(?:ERROR: )?failed to connect to the docker API/im,
  /^(?:Error: )?Cannot connect to Podman/im,
  /^(?:Error: )?unable to connect to Podman socket/im,
];
const PERMISSION =
  /^(?:ERROR: |Error: )?(?:Got )?permission denied while trying to connect|dial unix [^:]+: connect: permission denied/im;
const UNKNOWN_FLAG = /^(?:Error: )?unknown (?:shorthand )?flag:? ['"]?(-{1,2}[\w-]+)/im;

/** The Docker socket (or Podman's) named in an error, for the message. */
function socketIn(stderr: string): string | undefined {
  return /unix:\/\/(\S+?)[.:]?(?:\s|$)/.exec(stderr)?.[1] ?? /dial unix (\S+?):/.exec(stderr)?.[1];
}

/** The engine's own most useful line: its `Error…` line, else the last non-empty line. */
export function firstErrorLine(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !/^DEPRECATED:|^Install the buildx|^https:\/\/docs\.docker\.com\/go\/buildx/.test(line));
  const error = lines.find((line) => /^(Error|ERROR)\b|error response from daemon/i.test(line));
  return (error ?? lines.at(-1) ?? '').replace(/^Error:\s*/, '');
}

/** Explains why `<kind> <args>` failed, or undefined when it did not. */
export function explainFailure(
  kind: EngineKind,
  executable: string,
  args: readonly string[],
  result: RunResult,
): EngineError | undefined {
  if (result.cancelled) return new EngineError(`${kind} ${args[0] ?? ''} was cancelled.`, 'cancelled');
  if (result.spawnError) return spawnFailure(kind, executable, result.spawnError);
  if (result.timedOut)
    return new EngineError(`${kind} ${args[0] ?? ''} did not answer in time; is its engine responsive?`, 'failed');
  if (result.code === 0) return undefined;
  const stderr = result.stderr;
  if (PERMISSION.test(stderr)) {
    const socket = socketIn(stderr);
    return new EngineError(
      `${kind} cannot reach its engine: permission denied on the socket${socket ? ` ${socket}` : ''}. ` +
        (kind === 'docker'
          ? 'Add your user to the "docker" group and log in again, or set shipshape.containers.engine to podman.'
          : 'Check the permissions of the Podman socket, or run Podman rootless.'),
      'permission',
    );
  }
  if (NOT_RUNNING.some((pattern) => pattern.test(stderr)))
    return new EngineError(notRunningMessage(kind), 'not-running');
  const flag = UNKNOWN_FLAG.exec(stderr)?.[1];
  // Only a flag we passed: a build step printing "unknown flag" is a build failure, not an old CLI.
  if (flag && args.some((arg) => arg === flag || arg.startsWith(`${flag}=`)))
    return new EngineError(
      `This ${kind} is too old for the option ${flag} (it answered "unknown flag"): update ${kind}, or leave the option out.`,
      'too-old',
    );
  const line = firstErrorLine(stderr) || `exit code ${result.code ?? 'unknown'}`;
  return new EngineError(`${kind} ${args[0] ?? ''} failed: ${line}`, 'failed');
}

export function notRunningMessage(kind: EngineKind): string {
  return kind === 'docker'
    ? 'docker is installed but its engine is not running: start it, or set shipshape.containers.engine to podman.'
    : 'podman is installed but cannot reach its engine (on macOS and Windows: start it with "podman machine start").';
}

export function spawnFailure(kind: EngineKind, executable: string, error: NodeJS.ErrnoException): EngineError {
  if (error.code === 'ENOENT')
    return new EngineError(
      `${kind} was not found (${executable}): install it, or set shipshape.containers.executable to its absolute path.`,
      'missing',
    );
  if (error.code === 'EACCES')
    return new EngineError(`${executable} cannot be run: permission denied (is it executable?).`, 'permission');
  return new EngineError(`${executable} could not be started: ${error.message}`, 'failed');
}
