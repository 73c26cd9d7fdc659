/**
 * One build, from argument array to Dockerfile problems: the path both the `shipshape-build` task
 * and the integration tests take, so what the tests prove is what users run.
 */
import { basename } from 'node:path';
import { buildArgs, type BuildOptions } from './argv';
import { parseBuildErrors, type BuildProblem } from './build-errors';
import type { DockerfileOutline } from './dockerfile-outline';
import type { EngineClient } from './engine-client';
import { explainFailure, type EngineError } from './errors';
import { parseJsonRows } from './parse';

export interface BuildOutcome {
  ok: boolean;
  output: string;
  /** Where the build failed in the Dockerfile, when the engine said. */
  problems: BuildProblem[];
  /** Why it failed, in one sentence (also when no line is known). */
  error?: EngineError;
}

export async function buildImage(
  client: EngineClient,
  options: BuildOptions,
  outline: DockerfileOutline | undefined,
  run: { signal?: AbortSignal; onOutput?: (chunk: string) => void } = {},
): Promise<BuildOutcome> {
  const args = buildArgs(client.kind, options);
  const startedAt = Date.now();
  const result = await client.raw(args, {
    cwd: options.context,
    signal: run.signal,
    onOutput: run.onOutput && ((chunk) => run.onOutput?.(chunk)),
  });
  const output = result.stdout + result.stderr;
  const error = explainFailure(client.kind, client.engine.executable, args, result);
  if (!error) return { ok: true, output, problems: [] };
  if (error.reason === 'cancelled' && client.kind === 'podman') await removePodmanWorkingContainers(client, startedAt);
  const problems =
    outline && error.reason === 'failed' ? parseBuildErrors(output, outline, basename(options.dockerfile)) : [];
  return { ok: false, output, problems, error };
}

/**
 * An interrupted Podman (4.3) exits without removing its build's working containers, which then
 * keep their images from being removed. (The step that was running keeps running until it ends:
 * Podman sends it no signal, and removing the containers does not stop it either.)
 * Only containers Buildah created since this build started are touched.
 */
async function removePodmanWorkingContainers(client: EngineClient, startedAt: number): Promise<void> {
  const listed = await client.raw(['ps', '--all', '--external', '--format=json'], { timeoutMs: 30_000 });
  const ids = parseJsonRows(listed.stdout)
    .filter(
      (row) =>
        Array.isArray(row.Command) &&
        row.Command[0] === 'buildah' &&
        typeof row.Created === 'number' &&
        row.Created * 1000 >= startedAt - 1000,
    )
    .map((row) => String(row.Id ?? row.ID ?? ''))
    .filter(Boolean);
  if (ids.length > 0) await client.raw(['rm', '--force', '--', ...ids], { timeoutMs: 60_000 });
}
