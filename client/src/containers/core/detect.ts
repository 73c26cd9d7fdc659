/**
 * Which engine to drive: `shipshape.containers.engine` (auto | docker | podman) and
 * `shipshape.containers.executable`. In auto mode a Docker CLI counts only when its engine answers,
 * so a machine with the docker client but no daemon (common with Podman users) falls through to
 * Podman instead of failing on the first command.
 */
import { isAbsolute } from 'node:path';
import { EngineError, explainFailure, notRunningMessage, type EngineKind } from './errors';
import type { Runner } from './process';

export type EngineSetting = 'auto' | 'docker' | 'podman';

export interface EngineSettings {
  engine: EngineSetting;
  /** An absolute path to the CLI; empty for "the one on the PATH". */
  executable: string;
}

export interface Engine {
  kind: EngineKind;
  executable: string;
  /** The engine's (server's) version, as it reported it. */
  version: string;
  env: NodeJS.ProcessEnv;
}

export type Detection = { engine: Engine; error?: undefined } | { engine?: undefined; error: EngineError };

/** The command that proves the engine itself answers, not only the CLI. */
const PROBES: Record<EngineKind, string[]> = {
  docker: ['version', '--format', '{{.Server.Version}}'],
  podman: ['info', '--format', '{{.Version.Version}}'],
};

const PROBE_TIMEOUT_MS = 15_000;

export function readEngineSettings(raw: { engine?: unknown; executable?: unknown }): EngineSettings {
  const engine = raw.engine === 'docker' || raw.engine === 'podman' ? raw.engine : 'auto';
  const executable = typeof raw.executable === 'string' ? raw.executable.trim() : '';
  return { engine, executable };
}

async function probe(
  runner: Runner,
  kind: EngineKind,
  executable: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<Detection> {
  const args = PROBES[kind];
  const result = await runner.run(executable, args, { env, signal, timeoutMs: PROBE_TIMEOUT_MS });
  const error = explainFailure(kind, executable, args, result);
  if (error) return { error };
  const version = result.stdout.trim();
  // A Docker CLI without a reachable engine can still exit 0 with an empty server section.
  if (!version) return { error: new EngineError(notRunningMessage(kind), 'not-running') };
  return { engine: { kind, executable, version, env } };
}

/** Detects the engine to use; never throws, the error says what to do. */
export async function detectEngine(
  settings: EngineSettings,
  runner: Runner,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<Detection> {
  if (settings.executable) {
    if (!isAbsolute(settings.executable))
      return {
        error: new EngineError(
          `shipshape.containers.executable must be an absolute path (it is "${settings.executable}").`,
          'missing',
        ),
      };
    const kind: EngineKind =
      settings.engine === 'auto' ? (/podman/i.test(settings.executable) ? 'podman' : 'docker') : settings.engine;
    return probe(runner, kind, settings.executable, env, signal);
  }
  if (settings.engine !== 'auto') return probe(runner, settings.engine, settings.engine, env, signal);

  const docker = await probe(runner, 'docker', 'docker', env, signal);
  if (docker.engine || docker.error.reason === 'cancelled') return docker;
  const podman = await probe(runner, 'podman', 'podman', env, signal);
  if (podman.engine || podman.error.reason === 'cancelled') return podman;
  if (docker.error.reason === 'missing' && podman.error.reason === 'missing')
    return {
      error: new EngineError(
        'No container engine found: neither docker nor podman is on the PATH. Install one, or set shipshape.containers.executable to its absolute path.',
        'missing',
      ),
    };
  // Docker is there but unusable and Podman is missing: Docker's reason is the one to act on.
  return podman.error.reason === 'missing' ? docker : podman;
}
