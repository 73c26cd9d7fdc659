/** The questions Build Image… and Run Container… ask, each answerable with Escape (undefined = cancelled). */
import * as vscode from 'vscode';
import type { DockerfileOutline } from '../core/dockerfile-outline';
import { validateImageReference } from '../core/image-ref';
import { firstPortInUse, parsePortList, type PortSpec } from '../core/ports';

export async function pickContext(dockerfile: vscode.Uri): Promise<string | undefined> {
  const own = vscode.Uri.joinPath(dockerfile, '..');
  const folder = vscode.workspace.getWorkspaceFolder(dockerfile)?.uri;
  const items = [
    { label: vscode.workspace.asRelativePath(own, true), description: "the Dockerfile's folder", path: own.fsPath },
    ...(folder && folder.fsPath !== own.fsPath
      ? [
          {
            label: vscode.workspace.asRelativePath(folder, true),
            description: 'the workspace folder',
            path: folder.fsPath,
          },
        ]
      : []),
    { label: 'Other Folder…', description: '', path: '' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Build context', ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.path) return picked.path;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, defaultUri: own });
  return chosen?.[0]?.fsPath;
}

/** Undefined: cancelled; '' : the last stage. */
export async function pickTarget(outline: DockerfileOutline | undefined): Promise<string | undefined> {
  const named = outline?.stages.filter((stage) => stage.name) ?? [];
  if (!outline || named.length === 0 || (named.length === 1 && named[0].isFinal)) return '';
  const last = outline.stages.at(-1);
  const items = [
    { label: last?.name ?? 'last stage', description: 'the last stage (default)', target: '' },
    ...named
      .filter((stage) => !stage.isFinal)
      .reverse()
      .map((stage) => ({ label: stage.name!, description: `line ${stage.line + 1}`, target: stage.name! })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Target stage', ignoreFocusOut: true });
  return picked?.target;
}

export async function askTags(initial: string[]): Promise<string[] | undefined> {
  const value = await vscode.window.showInputBox({
    title: 'Image tags (comma-separated)',
    value: initial.join(', '),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const tags = splitList(text);
      if (tags.length === 0) return 'At least one tag is needed.';
      for (const tag of tags) {
        const problem = validateImageReference(tag);
        if (problem) return problem;
      }
      return undefined;
    },
  });
  return value === undefined ? undefined : splitList(value);
}

export async function askBuildArgs(names: string[]): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = await vscode.window.showInputBox({
      title: `Build argument ${name}`,
      prompt: `ARG ${name} has no default in the Dockerfile.`,
      ignoreFocusOut: true,
    });
    if (value === undefined) return undefined;
    values[name] = value;
  }
  return values;
}

export async function askPlatform(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Platform (optional)',
    placeHolder: 'Empty for the engine’s own, or e.g. linux/amd64, linux/arm64',
    ignoreFocusOut: true,
    validateInput: (text) =>
      !text.trim() || /^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?(,[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?)*$/.test(text.trim())
        ? undefined
        : 'Write os/arch[/variant], e.g. linux/arm64.',
  });
}

export async function askPorts(initial: string): Promise<PortSpec[] | undefined> {
  for (let value = initial; ;) {
    const text = await vscode.window.showInputBox({
      title: 'Published ports (host:container, comma-separated; empty for none)',
      value,
      ignoreFocusOut: true,
      validateInput: (input) => {
        const parsed = parsePortList(input);
        return 'error' in parsed ? parsed.error : undefined;
      },
    });
    if (text === undefined) return undefined;
    const parsed = parsePortList(text);
    if ('error' in parsed) return undefined;
    const busy = await firstPortInUse(parsed.specs);
    if (!busy) return parsed.specs;
    void vscode.window.showWarningMessage(busy);
    value = text;
  }
}

export async function pickEnvFile(): Promise<string | null | undefined> {
  const files = await vscode.workspace.findFiles('**/{.env,*.env,.env.*}', '**/node_modules/**', 50);
  if (files.length === 0) return null;
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'No .env file', path: null as string | null },
      ...files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), path: uri.fsPath })),
    ],
    { title: 'Environment file', ignoreFocusOut: true },
  );
  return picked === undefined ? undefined : picked.path;
}

export async function askName(suggestion: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Container name (empty: let the engine choose)',
    value: suggestion,
    ignoreFocusOut: true,
    validateInput: (text) =>
      !text || /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(text)
        ? undefined
        : 'Letters, digits, and _ . - after the first character.',
  });
}

export async function pickMode(): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Detached', description: 'in the background; logs from the Containers view', interactive: false },
      { label: 'Interactive', description: 'attached to a terminal, removed when it exits', interactive: true },
    ],
    { title: 'Run mode', ignoreFocusOut: true },
  );
  return picked?.interactive;
}

export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}
