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
  const result = await client.raw(args, {
    cwd: options.context,
    signal: run.signal,
    onOutput: run.onOutput && ((chunk) => run.onOutput?.(chunk)),
  });
  const output = result.stdout + result.stderr;
  const error = explainFailure(client.kind, client.engine.executable, args, result);
  if (!error) return { ok: true, output, problems: [] };
  const problems =
    outline && error.reason === 'failed' ? parseBuildErrors(output, outline, basename(options.dockerfile)) : [];
  return { ok: false, output, problems, error };
}
