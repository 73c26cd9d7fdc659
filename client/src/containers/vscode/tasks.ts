/**
 * Task types `shipshape-build` and `shipshape-run`, usable from tasks.json and used by the commands.
 * A build runs in a pseudoterminal that streams the engine's progress, puts build errors in the
 * Problems panel at their Dockerfile line, and reads the layer sizes afterwards. Closing the task
 * terminal cancels the process.
 */
import { basename, dirname, isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { buildArgs, runArgs } from '../core/argv';
import { buildImage, type BuildOutcome } from '../core/build';
import { WORKSPACE_LABEL } from '../core/engine-client';
import { EngineError } from '../core/errors';
import { defaultTags, gitShortSha, validateImageReference } from '../core/image-ref';
import { imageLayers } from '../core/layers';
import { parsePortList } from '../core/ports';
import { nodeRunner } from '../core/process';
import { rememberBuild, type ContainersContext } from './context';
import { dockerfileOutline, readText } from './workspace-files';

export interface BuildTaskDefinition extends vscode.TaskDefinition {
  type: 'shipshape-build';
  dockerfile: string;
  context?: string;
  tags?: string[];
  target?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
}

export interface RunTaskDefinition extends vscode.TaskDefinition {
  type: 'shipshape-run';
  image: string;
  name?: string;
  ports?: string[];
  envFile?: string;
  interactive?: boolean;
  init?: boolean;
}

export interface BuildResult extends BuildOutcome {
  image?: string;
}

/** Terminal text needs CRLF. */
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** For display only: the processes themselves get the array. */
function displayCommand(executable: string, args: readonly string[]): string {
  return [executable, ...args]
    .map((arg) => (/^[\w./:=@,+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

function folderOf(scope: vscode.WorkspaceFolder | vscode.TaskScope | undefined): string | undefined {
  if (scope && typeof scope === 'object') return scope.uri.fsPath;
  return vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
}

function resolvePath(path: string, folder: string | undefined): string {
  return isAbsolute(path) || !folder ? path : join(folder, path);
}

/** A task's terminal: what it writes (with CRLF line ends), its exit code, and a signal its work stops on. */
abstract class TaskTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  protected readonly cancel = new AbortController();

  abstract open(): void;

  close(): void {
    this.cancel.abort();
  }

  protected write(text: string): void {
    this.written.fire(crlf(text));
  }

  protected exit(code: number): void {
    this.closed.fire(code);
  }
}

class BuildTerminal extends TaskTerminal {
  constructor(
    private readonly ctx: ContainersContext,
    private readonly definition: BuildTaskDefinition,
    private readonly folder: string | undefined,
    private readonly done: (result: BuildResult) => void,
  ) {
    super();
  }

  open(): void {
    void this.build().then(
      (result) => {
        this.done(result);
        this.exit(result.ok ? 0 : 1);
      },
      (error: unknown) => {
        // Not reached by a failed build (that is an outcome): no engine, untrusted, a bad tag in tasks.json.
        const reason =
          error instanceof EngineError
            ? error
            : new EngineError(error instanceof Error ? error.message : String(error), 'failed');
        this.write(`\n${reason.message}\n`);
        this.done({ ok: false, output: '', problems: [], error: reason });
        this.exit(1);
      },
    );
  }

  private async build(): Promise<BuildResult> {
    const client = await this.ctx.engines.client();
    const dockerfile = resolvePath(this.definition.dockerfile, this.folder);
    const context = resolvePath(this.definition.context ?? dirname(dockerfile), this.folder);
    const uri = vscode.Uri.file(dockerfile);
    const text = await readText(uri);
    const outline = await dockerfileOutline(this.ctx.languageClient, text);
    const tags = this.definition.tags?.length
      ? this.definition.tags
      : defaultTags(
          basename(context),
          await gitShortSha(nodeRunner, context, this.ctx.engines.linkedSignal(undefined, this.cancel.signal)),
          vscode.workspace.getConfiguration('shipshape.containers', uri).get<string>('defaultTag', ''),
        );
    for (const tag of tags) {
      const invalid = validateImageReference(tag);
      if (invalid) throw new Error(invalid);
    }
    const extraArgs = vscode.workspace.getConfiguration('shipshape.containers', uri).get<string[]>('buildArgs', []);
    const options = {
      dockerfile,
      context,
      tags,
      target: this.definition.target || undefined,
      buildArgs: this.definition.buildArgs,
      platform: this.definition.platform || undefined,
      labels: { [WORKSPACE_LABEL]: this.folder ?? context },
      extraArgs: Array.isArray(extraArgs) ? extraArgs.filter((arg) => typeof arg === 'string') : [],
    };
    this.ctx.buildProblems.delete(uri);
    this.write(`> ${displayCommand(client.engine.executable, buildArgs(client.kind, options))}\n\n`);
    const outcome = await buildImage(client, options, outline, {
      signal: this.ctx.engines.linkedSignal(undefined, this.cancel.signal),
      onOutput: (chunk) => this.write(chunk),
    });
    if (!outcome.ok) {
      this.write(`\n${outcome.error?.message ?? 'The build failed.'}\n`);
      const lines = text.split(/\r?\n/);
      this.ctx.buildProblems.set(
        uri,
        outcome.problems.map((problem) => {
          const range = new vscode.Range(problem.line, 0, problem.line, lines[problem.line]?.length ?? 0);
          const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Error);
          diagnostic.source = `${client.kind} build`;
          return diagnostic;
        }),
      );
      return outcome;
    }
    const image = tags[0];
    await rememberBuild(this.ctx.state, { image, dockerfile, target: options.target });
    if (outline) {
      try {
        const layers = imageLayers(await client.history(image), outline, options.target);
        if (layers) this.ctx.layers.set(uri, layers, image);
      } catch (error) {
        this.write(`\nLayer sizes unavailable: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    this.write(`\nBuilt ${tags.join(', ')}.\n`);
    this.ctx.refreshView();
    return { ...outcome, image };
  }
}

class DetachedRunTerminal extends TaskTerminal {
  constructor(
    private readonly ctx: ContainersContext,
    private readonly definition: RunTaskDefinition,
    private readonly done: (result: { id?: string; error?: string }) => void,
  ) {
    super();
  }

  open(): void {
    void this.start().then(
      (id) => {
        this.write(`Started container ${id.slice(0, 12)} from ${this.definition.image}.\n`);
        this.done({ id });
        this.ctx.refreshView();
        this.exit(0);
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.write(`${message}\n`);
        this.done({ error: message });
        this.exit(1);
      },
    );
  }

  private async start(): Promise<string> {
    const client = await this.ctx.engines.client();
    const options = runOptionsOf(this.definition);
    this.write(`> ${displayCommand(client.engine.executable, runArgs(options))}\n`);
    return client.runDetached(options, this.ctx.engines.linkedSignal(undefined, this.cancel.signal));
  }
}

export function runOptionsOf(definition: RunTaskDefinition) {
  const parsed = parsePortList((definition.ports ?? []).join(' '));
  if ('error' in parsed) throw new Error(parsed.error);
  const extraArgs = vscode.workspace.getConfiguration('shipshape.containers').get<string[]>('runArgs', []);
  return {
    image: definition.image,
    name: definition.name || undefined,
    ports: parsed.specs,
    envFile: definition.envFile || undefined,
    init: definition.init !== false,
    labels: { [WORKSPACE_LABEL]: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '' },
    extraArgs: Array.isArray(extraArgs) ? extraArgs.filter((arg) => typeof arg === 'string') : [],
    interactive: definition.interactive === true,
  };
}

export function buildTask(
  ctx: ContainersContext,
  definition: BuildTaskDefinition,
  scope: vscode.WorkspaceFolder | vscode.TaskScope = vscode.TaskScope.Workspace,
  done: (result: BuildResult) => void = () => undefined,
): vscode.Task {
  const execution = new vscode.CustomExecution(
    async (resolved) => new BuildTerminal(ctx, resolved as BuildTaskDefinition, folderOf(scope), done),
  );
  const label = `build ${vscode.workspace.asRelativePath(definition.dockerfile)}${definition.target ? ` (${definition.target})` : ''}`;
  const task = new vscode.Task(definition, scope, label, 'shipshape', execution, []);
  task.group = vscode.TaskGroup.Build;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, clear: true };
  return task;
}

export async function runTask(
  ctx: ContainersContext,
  definition: RunTaskDefinition,
  scope: vscode.WorkspaceFolder | vscode.TaskScope = vscode.TaskScope.Workspace,
  done: (result: { id?: string; error?: string }) => void = () => undefined,
): Promise<vscode.Task> {
  const label = `run ${definition.image}`;
  if (definition.interactive) {
    // A real terminal (pty) for an interactive container; still an argument array, no shell.
    const client = await ctx.engines.client();
    const execution = new vscode.ProcessExecution(client.engine.executable, runArgs(runOptionsOf(definition)), {
      env: ctx.engines.terminalEnv(),
    });
    const task = new vscode.Task(definition, scope, label, 'shipshape', execution, []);
    done({});
    return task;
  }
  const execution = new vscode.CustomExecution(
    async (resolved) => new DetachedRunTerminal(ctx, resolved as RunTaskDefinition, done),
  );
  const task = new vscode.Task(definition, scope, label, 'shipshape', execution, []);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
  return task;
}

/** Tasks from tasks.json get their execution here. */
export function registerTaskProviders(ctx: ContainersContext): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.tasks.registerTaskProvider('shipshape-build', {
      provideTasks: () => [],
      resolveTask: (task) =>
        typeof task.definition.dockerfile === 'string'
          ? buildTask(ctx, task.definition as BuildTaskDefinition, task.scope ?? vscode.TaskScope.Workspace)
          : undefined,
    }),
    vscode.tasks.registerTaskProvider('shipshape-run', {
      provideTasks: () => [],
      resolveTask: async (task) =>
        typeof task.definition.image === 'string'
          ? runTask(ctx, task.definition as RunTaskDefinition, task.scope ?? vscode.TaskScope.Workspace)
          : undefined,
    }),
  );
}
