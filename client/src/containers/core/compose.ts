/**
 * Which compose tool to drive: Docker's `docker compose` (v2), else the older `docker-compose` (v1);
 * for Podman, `podman compose` where it exists, else `podman-compose`. The project name is always
 * given, so the Containers view knows which containers a compose file started.
 */
import { parse } from 'yaml';
import { EngineError } from './errors';
import type { Engine } from './detect';
import type { Runner } from './process';

export interface ComposeTool {
  executable: string;
  /** Arguments before the compose ones: `['compose']` for the plugin form. */
  prefix: string[];
  /** How the user would type it, for messages. */
  label: string;
}

export function composeCandidates(engine: Engine): ComposeTool[] {
  return engine.kind === 'docker'
    ? [
        { executable: engine.executable, prefix: ['compose'], label: 'docker compose' },
        { executable: 'docker-compose', prefix: [], label: 'docker-compose' },
      ]
    : [
        { executable: engine.executable, prefix: ['compose'], label: 'podman compose' },
        { executable: 'podman-compose', prefix: [], label: 'podman-compose' },
      ];
}

export async function detectCompose(engine: Engine, runner: Runner, signal?: AbortSignal): Promise<ComposeTool> {
  const candidates = composeCandidates(engine);
  for (const tool of candidates) {
    const result = await runner.run(tool.executable, [...tool.prefix, 'version'], {
      env: engine.env,
      signal,
      timeoutMs: 15_000,
    });
    if (result.cancelled) throw new EngineError('Looking for a compose tool was cancelled.', 'cancelled');
    if (result.code === 0) return tool;
  }
  throw new EngineError(
    `No compose tool found for ${engine.kind}: tried ${candidates.map((tool) => tool.label).join(', ')}. ` +
      (engine.kind === 'docker' ? 'Install the Docker Compose plugin (or docker-compose).' : 'Install podman-compose.'),
    'missing',
  );
}

/** Compose's own normalisation of a folder name into a project name. */
export function composeProjectName(folder: string): string {
  return folder.toLowerCase().replace(/[^a-z0-9_-]/g, '') || 'default';
}

const SERVICE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export type ComposeAction = 'up' | 'down' | 'logs';

export function composeArgs(
  tool: ComposeTool,
  options: { file: string; project: string; action: ComposeAction; services?: readonly string[]; follow?: boolean },
): string[] {
  const services = options.services ?? [];
  // Service names come from the compose file; one that is not a name is refused rather than passed on.
  for (const service of services)
    if (!SERVICE.test(service)) throw new EngineError(`"${service}" is not a compose service name.`, 'failed');
  const args = [...tool.prefix, `--file=${options.file}`, `--project-name=${options.project}`];
  switch (options.action) {
    case 'up':
      return [...args, 'up', '--detach', ...services];
    case 'down':
      return [...args, 'down'];
    case 'logs':
      return [...args, 'logs', ...(options.follow ? ['--follow'] : []), ...services];
  }
}

/** Runs one compose command; resolves with its output or rejects with a message for the user. */
export async function runCompose(
  engine: Engine,
  runner: Runner,
  tool: ComposeTool,
  options: Parameters<typeof composeArgs>[1],
  run: { signal?: AbortSignal; onOutput?: (chunk: string) => void; cwd?: string } = {},
): Promise<string> {
  const args = composeArgs(tool, options);
  const result = await runner.run(tool.executable, args, {
    env: engine.env,
    cwd: run.cwd,
    signal: run.signal,
    onOutput: run.onOutput && ((chunk) => run.onOutput?.(chunk)),
  });
  if (result.cancelled) throw new EngineError(`${tool.label} ${options.action} was cancelled.`, 'cancelled');
  if (result.spawnError || result.code !== 0) {
    const lines = (result.stderr || result.stdout).trim().split('\n');
    const last = lines.filter((line) => /error|denied|not found|no such/i.test(line)).at(-1) ?? lines.at(-1);
    throw new EngineError(
      `${tool.label} ${options.action} failed: ${result.spawnError?.message ?? last ?? `exit code ${result.code}`}`,
      'failed',
    );
  }
  return result.stdout + result.stderr;
}

/** The service names of a compose file, in file order; empty when it cannot be read. */
export function composeServices(text: string): string[] {
  try {
    const document: unknown = parse(text);
    const services = (document as { services?: unknown } | null)?.services;
    return services && typeof services === 'object' && !Array.isArray(services) ? Object.keys(services) : [];
  } catch {
    return [];
  }
}
