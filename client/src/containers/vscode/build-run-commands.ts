/**
 * Build Image…, Run Container… and Build and Run. Called without arguments (palette, menus with a
 * file) they ask; called with an options object (CodeLens, tests, keybindings) they use it and the
 * defaults, and ask nothing.
 */
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { argsWithoutDefault } from '../core/dockerfile-outline';
import { defaultTags, gitShortSha, repositoryFromFolder } from '../core/image-ref';
import { formatPortSpec, portsFromExpose, firstPortInUse, parsePortList } from '../core/ports';
import { nodeRunner } from '../core/process';
import { lastBuilds, type ContainersContext } from './context';
import { showEngineError } from './engine-service';
import * as ask from './prompts';
import { buildTask, runTask, type BuildResult, type BuildTaskDefinition, type RunTaskDefinition } from './tasks';
import { chooseFile, dockerfileOutline, findDockerfiles, isDockerfile, readText, toUri } from './workspace-files';

export interface BuildCommandOptions {
  dockerfile?: string;
  context?: string;
  tags?: string[];
  target?: string;
  buildArgs?: Record<string, string>;
  platform?: string;
  /** Build even when the Dockerfile has error-level findings. */
  ignoreProblems?: boolean;
}

export interface RunCommandOptions {
  image?: string;
  ports?: string[];
  name?: string;
  envFile?: string;
  interactive?: boolean;
  init?: boolean;
}

/** An options object given by a caller, as opposed to the Uri a menu passes or nothing. */
function optionsOf<T>(argument: unknown): T | undefined {
  return argument && typeof argument === 'object' && !(argument instanceof vscode.Uri) ? (argument as T) : undefined;
}

const tagKey = (dockerfile: string) => `shipshape.containers.tags:${dockerfile}`;

/** Error-level Shipshape findings: asks whether to build anyway. */
async function confirmDespiteProblems(uri: vscode.Uri): Promise<boolean> {
  const errors = vscode.languages
    .getDiagnostics(uri)
    .filter((item) => item.source === 'shipshape' && item.severity === vscode.DiagnosticSeverity.Error);
  if (errors.length === 0) return true;
  const choice = await vscode.window.showWarningMessage(
    `${vscode.workspace.asRelativePath(uri)} has ${errors.length} error${errors.length === 1 ? '' : 's'} found by Shipshape.`,
    'Build Anyway',
    'Show Problems',
  );
  if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
  return choice === 'Build Anyway';
}

export async function buildImageCommand(ctx: ContainersContext, argument?: unknown): Promise<BuildResult | undefined> {
  try {
    const given = optionsOf<BuildCommandOptions>(argument);
    await ctx.engines.client();
    const dockerfile = await chooseFile(
      given ? toUri(given.dockerfile) : toUri(argument),
      isDockerfile,
      findDockerfiles,
      'Dockerfile',
    );
    if (!dockerfile) return undefined;
    if (!given?.ignoreProblems && !(await confirmDespiteProblems(dockerfile))) return undefined;
    const outline = await dockerfileOutline(ctx.languageClient, await readText(dockerfile));
    const definition: BuildTaskDefinition = { type: 'shipshape-build', dockerfile: dockerfile.fsPath };
    const folder = dirname(dockerfile.fsPath);
    if (given) {
      definition.context = toUri(given.context)?.fsPath ?? folder;
      definition.target = given.target || undefined;
      definition.buildArgs = given.buildArgs;
      definition.platform = given.platform || undefined;
    } else {
      definition.context = await ask.pickContext(dockerfile);
      if (!definition.context) return undefined;
      const target = await ask.pickTarget(outline);
      if (target === undefined) return undefined;
      definition.target = target || undefined;
    }
    const remembered = ctx.state.get<string[]>(tagKey(dockerfile.fsPath));
    const initialTags =
      given?.tags ??
      remembered ??
      defaultTags(
        basename(definition.context),
        await gitShortSha(nodeRunner, definition.context, ctx.engines.signal),
        vscode.workspace.getConfiguration('shipshape.containers', dockerfile).get<string>('defaultTag', ''),
      );
    if (given) definition.tags = initialTags;
    else {
      const tags = await ask.askTags(initialTags);
      if (!tags) return undefined;
      definition.tags = tags;
      const missing = outline ? argsWithoutDefault(outline, definition.target) : [];
      const values = await ask.askBuildArgs(missing);
      if (!values) return undefined;
      definition.buildArgs = values;
      const platform = await ask.askPlatform();
      if (platform === undefined) return undefined;
      definition.platform = platform.trim() || undefined;
    }
    await ctx.state.update(tagKey(dockerfile.fsPath), definition.tags);
    const result = await new Promise<BuildResult>((resolve) => {
      const task = buildTask(
        ctx,
        definition,
        vscode.workspace.getWorkspaceFolder(dockerfile) ?? vscode.TaskScope.Workspace,
        resolve,
      );
      void vscode.tasks.executeTask(task);
    });
    if (!result.ok && result.problems.length > 0) {
      void vscode.window
        .showErrorMessage(
          `The build failed at line ${result.problems[0].line + 1}: ${result.problems[0].message}`,
          'Show Problems',
        )
        .then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
    } else if (!result.ok && result.error) void showEngineError(result.error);
    return result;
  } catch (error) {
    void showEngineError(error);
    return undefined;
  }
}

/** The ports a Dockerfile EXPOSEs, for the image last built from it. */
async function exposedPorts(ctx: ContainersContext, image: string): Promise<string[]> {
  const build = lastBuilds(ctx.state).find((item) => item.image === image || `localhost/${item.image}` === image);
  if (!build) return [];
  try {
    const outline = await dockerfileOutline(ctx.languageClient, await readText(vscode.Uri.file(build.dockerfile)));
    return outline ? portsFromExpose(outline.exposes).map(formatPortSpec) : [];
  } catch {
    return [];
  }
}

async function pickImage(ctx: ContainersContext): Promise<string | undefined> {
  const client = await ctx.engines.client();
  const recent = lastBuilds(ctx.state).map((build) => build.image);
  const local = (await client.listImages())
    .map((image) => image.reference)
    .filter((reference) => !/^[0-9a-f]{12}$/.test(reference));
  const items = [
    ...recent.map((image, index) => ({ label: image, description: index === 0 ? 'last built' : 'built here' })),
    ...local
      .filter((image) => !recent.includes(image) && !recent.some((item) => `localhost/${item}` === image))
      .map((image) => ({ label: image, description: '' })),
  ];
  if (items.length === 0) {
    void vscode.window.showWarningMessage('No local images yet: build one first (Shipshape: Build Image…).');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: 'Image to run', ignoreFocusOut: true }))?.label;
}

export async function runContainerCommand(ctx: ContainersContext, argument?: unknown): Promise<string | undefined> {
  try {
    const given = optionsOf<RunCommandOptions>(argument);
    await ctx.engines.client();
    const image = given?.image ?? (await pickImage(ctx));
    if (!image) return undefined;
    const definition: RunTaskDefinition = { type: 'shipshape-run', image, init: given?.init !== false };
    const defaults = await exposedPorts(ctx, image);
    if (given) {
      definition.ports = given.ports ?? defaults;
      definition.name = given.name;
      definition.envFile = toUri(given.envFile)?.fsPath;
      definition.interactive = given.interactive === true;
      const parsed = parsePortList(definition.ports.join(' '));
      if ('error' in parsed) throw new Error(parsed.error);
      const busy = await firstPortInUse(parsed.specs);
      if (busy) throw new Error(busy);
    } else {
      const ports = await ask.askPorts(defaults.join(', '));
      if (!ports) return undefined;
      definition.ports = ports.map(formatPortSpec);
      const envFile = await ask.pickEnvFile();
      if (envFile === undefined) return undefined;
      definition.envFile = envFile ?? undefined;
      const name = await ask.askName(repositoryFromFolder(image.replace(/^.*\//, '').replace(/:.*$/, '')));
      if (name === undefined) return undefined;
      definition.name = name || undefined;
      const interactive = await ask.pickMode();
      if (interactive === undefined) return undefined;
      definition.interactive = interactive;
    }
    const result = await new Promise<{ id?: string; error?: string }>((resolve) => {
      void runTask(ctx, definition, vscode.TaskScope.Workspace, resolve).then(
        (task) => vscode.tasks.executeTask(task),
        (error: unknown) => resolve({ error: error instanceof Error ? error.message : String(error) }),
      );
    });
    if (result.error) void vscode.window.showErrorMessage(result.error);
    return result.id;
  } catch (error) {
    void showEngineError(error);
    return undefined;
  }
}

export async function buildAndRunCommand(ctx: ContainersContext, argument?: unknown): Promise<string | undefined> {
  const given = optionsOf<BuildCommandOptions & RunCommandOptions>(argument);
  const built = await buildImageCommand(ctx, argument);
  if (!built?.ok || !built.image) return undefined;
  // With options: run with the EXPOSEd ports and no questions; from a menu: ask as Run Container… does, image known.
  const run = given
    ? { image: built.image, ports: given.ports, name: given.name, interactive: given.interactive }
    : await askRunFor(ctx, built.image);
  return run ? runContainerCommand(ctx, run) : undefined;
}

async function askRunFor(ctx: ContainersContext, image: string): Promise<RunCommandOptions | undefined> {
  const ports = await ask.askPorts((await exposedPorts(ctx, image)).join(', '));
  if (!ports) return undefined;
  return { image, ports: ports.map(formatPortSpec) };
}
