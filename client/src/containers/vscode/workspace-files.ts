/** Finding and reading the workspace's Dockerfiles and compose files, and asking the server about them. */
import * as vscode from 'vscode';
import type { ShipshapeLanguageClient } from '../../language-client';
import { DOCKERFILE_STAGES_REQUEST, type DockerfileOutline } from '../core/dockerfile-outline';

const DOCKERFILES = '**/{Dockerfile,Containerfile,*.Dockerfile,*.Containerfile,Dockerfile.*,Containerfile.*}';
const COMPOSE_FILES = '**/{compose,docker-compose}{,.*}.{yml,yaml}';
const EXCLUDE = '**/{node_modules,.git}/**';

export function isDockerfile(uri: vscode.Uri): boolean {
  const name = uri.path.split('/').pop() ?? '';
  return (
    /^(Dockerfile|Containerfile)(\..+)?$|\.(Dockerfile|Containerfile)$/i.test(name) &&
    !/\.(md|dockerignore)$/i.test(name)
  );
}

export function isComposeFile(uri: vscode.Uri): boolean {
  return /^(docker-)?compose(\.[\w-]+)?\.ya?ml$/i.test(uri.path.split('/').pop() ?? '');
}

export async function findDockerfiles(): Promise<vscode.Uri[]> {
  return (await vscode.workspace.findFiles(DOCKERFILES, EXCLUDE, 200)).sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

export async function findComposeFiles(): Promise<vscode.Uri[]> {
  return (await vscode.workspace.findFiles(COMPOSE_FILES, EXCLUDE, 200)).sort((a, b) =>
    a.fsPath.localeCompare(b.fsPath),
  );
}

/** The given file, else the active editor's when it matches, else a quick pick of the workspace's. */
export async function chooseFile(
  given: vscode.Uri | undefined,
  matches: (uri: vscode.Uri) => boolean,
  find: () => Promise<vscode.Uri[]>,
  what: string,
): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && matches(active)) return active;
  const files = await find();
  if (files.length === 0) {
    void vscode.window.showWarningMessage(`No ${what} in this workspace.`);
    return undefined;
  }
  if (files.length === 1) return files[0];
  const picked = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: `Choose a ${what}`, ignoreFocusOut: true },
  );
  return picked?.uri;
}

export async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** The Dockerfile's stages, instructions, ports and ARGs from the language server; undefined if it cannot answer. */
export async function dockerfileOutline(
  languageClient: ShipshapeLanguageClient,
  text: string,
): Promise<DockerfileOutline | undefined> {
  try {
    return await languageClient.request<DockerfileOutline>(DOCKERFILE_STAGES_REQUEST, { text });
  } catch {
    return undefined;
  }
}

/** Accepts a Uri, a file path or a file URI string, as command arguments from tests and tasks.json. */
export function toUri(value: unknown, base?: vscode.Uri): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value !== 'string' || !value) return undefined;
  if (/^[a-z][\w+.-]+:\/\//i.test(value)) return vscode.Uri.parse(value);
  if (value.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(value)) return vscode.Uri.file(value);
  const folder = base ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, value) : undefined;
}
