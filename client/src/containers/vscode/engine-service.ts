/**
 * The engine the commands and the view use, detected from the settings and detected again when
 * `shipshape.containers.*` changes (no reload). Every process started through it is aborted when
 * the extension is disposed, i.e. when the window closes.
 */
import * as vscode from 'vscode';
import { detectEngine, readEngineSettings, type Detection } from '../core/detect';
import { EngineClient } from '../core/engine-client';
import { EngineError } from '../core/errors';
import { nodeRunner } from '../core/process';

export class EngineService implements vscode.Disposable {
  private detection: Promise<Detection> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the settings changed and the engine was detected again. */
  readonly onDidChange = this.changed.event;
  /** Aborted on dispose: every process started by the containers feature listens to it. */
  private readonly lifetime = new AbortController();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {
    this.subscriptions.push(
      this.changed,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (
          event.affectsConfiguration('shipshape.containers.engine') ||
          event.affectsConfiguration('shipshape.containers.executable')
        ) {
          this.detection = undefined;
          void this.current().then(() => this.changed.fire());
        }
      }),
    );
  }

  get signal(): AbortSignal {
    return this.lifetime.signal;
  }

  /** A signal aborted when the window closes, or the token is cancelled, or `also` aborts (a task terminal closing). */
  linkedSignal(token?: vscode.CancellationToken, also?: AbortSignal): AbortSignal {
    return AbortSignal.any([
      this.lifetime.signal,
      ...(also ? [also] : []),
      ...(token ? [cancellationSignal(token)] : []),
    ]);
  }

  current(): Promise<Detection> {
    this.detection ??= (async () => {
      const config = vscode.workspace.getConfiguration('shipshape.containers');
      const settings = readEngineSettings({
        engine: config.get('engine'),
        // Machine scope: only the user's own settings can name the executable, never a workspace.
        executable: config.inspect<string>('executable')?.globalValue,
      });
      const detection = await detectEngine(settings, nodeRunner, process.env, this.lifetime.signal);
      if (detection.engine)
        this.output.info(
          `Containers: using ${detection.engine.kind} ${detection.engine.version} (${detection.engine.executable}).`,
        );
      else this.output.warn(`Containers: ${detection.error.message}`);
      await vscode.commands.executeCommand('setContext', 'shipshape.containers.engineReady', !!detection.engine);
      return detection;
    })();
    return this.detection;
  }

  /** The engine client, or an EngineError saying what to do. */
  async client(): Promise<EngineClient> {
    if (!vscode.workspace.isTrusted)
      throw new EngineError(
        'Shipshape builds and runs containers only in trusted workspaces: a Dockerfile, compose file or setting from an untrusted folder would run code on this machine. Trust the workspace to use these commands; linting works either way.',
        'permission',
      );
    const detection = await this.current();
    if (!detection.engine) {
      // A failed detection is retried next time: the user may have started the engine since.
      this.detection = undefined;
      throw detection.error;
    }
    return new EngineClient(detection.engine, nodeRunner);
  }

  /** "docker 20.10.24", "podman 4.3.1", or why there is no engine: for the view's tooltip and the tests. */
  async status(): Promise<string> {
    const detection = await this.current();
    return detection.engine ? `${detection.engine.kind} ${detection.engine.version}` : detection.error.message;
  }

  /** Environment for terminals: only what points the CLI at its engine. */
  terminalEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const name of [
      'DOCKER_HOST',
      'DOCKER_CONTEXT',
      'DOCKER_CONFIG',
      'CONTAINERS_CONF',
      'CONTAINERS_STORAGE_CONF',
      'CONTAINER_HOST',
    ])
      if (process.env[name]) env[name] = process.env[name]!;
    return env;
  }

  dispose(): void {
    this.lifetime.abort();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** Shows an error as one sentence, with a way to the settings when they are the cause. */
export async function showEngineError(error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof EngineError && error.reason === 'cancelled') return;
  const settings = error instanceof EngineError && (error.reason === 'missing' || error.reason === 'not-running');
  const choice = await vscode.window.showErrorMessage(message, ...(settings ? ['Open Settings'] : []));
  if (choice === 'Open Settings')
    await vscode.commands.executeCommand('workbench.action.openSettings', 'shipshape.containers');
}

function cancellationSignal(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
