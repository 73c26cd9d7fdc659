/**
 * The engine's CLI as typed calls: each returns the model or throws an EngineError whose message is
 * meant for the user. Works the same for Docker and Podman; only the argument arrays and the JSON
 * shapes differ, and those are handled in argv.ts and parse.ts.
 */
import * as argv from './argv';
import type { Engine } from './detect';
import { EngineError, explainFailure } from './errors';
import type { ContainerRow, EngineEvent, HistoryRow, ImageRow } from './model';
import { parseContainers, parseEvent, parseHistory, parseImages } from './parse';
import type { RunOptions as ProcessOptions, RunResult, Runner, StreamHandle } from './process';

/** The label put on what the extension builds and runs, so the view can show the workspace's own. */
export const WORKSPACE_LABEL = 'dev.shipshape.workspace';

export class EngineClient {
  constructor(
    readonly engine: Engine,
    private readonly runner: Runner,
  ) {}

  get kind() {
    return this.engine.kind;
  }

  /** Runs `<engine> <args>`; resolves with the whole result, whatever the exit code. */
  raw(args: readonly string[], options: ProcessOptions = {}): Promise<RunResult> {
    return this.runner.run(this.engine.executable, args, { env: this.engine.env, ...options });
  }

  /** Runs `<engine> <args>` and returns stdout, or throws with the reason. */
  async call(args: readonly string[], options: ProcessOptions = {}): Promise<string> {
    const result = await this.raw(args, options);
    const error = explainFailure(this.engine.kind, this.engine.executable, args, result);
    if (error) throw error;
    return result.stdout;
  }

  async listContainers(signal?: AbortSignal): Promise<ContainerRow[]> {
    return parseContainers(await this.call(argv.listContainersArgs(this.kind), { signal, timeoutMs: 30_000 }));
  }

  async listImages(label?: string, signal?: AbortSignal): Promise<ImageRow[]> {
    return parseImages(await this.call(argv.listImagesArgs(this.kind, label), { signal, timeoutMs: 30_000 }));
  }

  async history(image: string, signal?: AbortSignal): Promise<HistoryRow[]> {
    return parseHistory(await this.call(argv.historyArgs(this.kind, image), { signal, timeoutMs: 30_000 }));
  }

  /** The engine's JSON, pretty-printed for an editor. */
  async inspect(what: 'container' | 'image', id: string): Promise<string> {
    const text = await this.call(argv.inspectArgs(what, id), { timeoutMs: 30_000 });
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text;
    }
  }

  async containerAction(action: argv.ContainerAction, id: string): Promise<void> {
    await this.call(argv.containerActionArgs(action, id), { timeoutMs: 60_000 });
  }

  async removeImage(reference: string): Promise<void> {
    await this.call(argv.removeImageArgs(reference), { timeoutMs: 60_000 });
  }

  /** Starts a detached container and returns its id. */
  async runDetached(options: argv.RunOptions, signal?: AbortSignal): Promise<string> {
    const stdout = await this.call(argv.runArgs({ ...options, interactive: false }), { signal, timeoutMs: 120_000 });
    const id = stdout.trim().split(/\s+/).at(-1) ?? '';
    if (!/^[0-9a-f]{12,64}$/.test(id))
      throw new EngineError(`${this.kind} run did not print a container id (it printed "${stdout.trim()}").`, 'failed');
    return id;
  }

  async logs(id: string, tail?: number): Promise<string> {
    const result = await this.raw(argv.logsArgs(id, { tail }), { timeoutMs: 30_000 });
    const error = explainFailure(this.kind, this.engine.executable, ['logs'], result);
    if (error) throw error;
    // A container's stdout and stderr come back on the CLI's stdout and stderr.
    return result.stdout + result.stderr;
  }

  /** The engine's events, as they happen; `onEnd` says why the stream stopped (to fall back to polling). */
  events(onEvent: (event: EngineEvent) => void, onEnd: (reason: string) => void): StreamHandle {
    let stopped = false;
    const handle = this.runner.stream(this.engine.executable, argv.eventsArgs(this.kind), {
      env: this.engine.env,
      onLine: (line) => {
        const event = parseEvent(line);
        if (event) onEvent(event);
      },
      onExit: ({ code, stderr, spawnError }) => {
        if (stopped) return;
        onEnd(spawnError?.message ?? (stderr.trim().split('\n').at(-1) || `events exited with code ${code}`));
      },
    });
    return {
      stop: () => {
        stopped = true;
        handle.stop();
      },
    };
  }
}
