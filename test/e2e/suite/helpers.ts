/**
 * Shared by the end-to-end tests: find the extension and the fixture workspace, and wait on VS Code's
 * events (never on a clock) with a timeout whose message says what did not happen.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'shipshape.shipshape';
/** Long enough for a cold server start on a slow CI machine; a wait that times out fails the test. */
export const EVENT_TIMEOUT_MS = 20_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the end-to-end tests need the fixture workspace open');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), relativePath);
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document, { preview: false });
}

export function shipshapeDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'shipshape' && (ruleId === undefined || codeOf(d) === ruleId));
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined || typeof code === 'string' || typeof code === 'number') return code?.toString();
  return code.value.toString();
}

/** Resolve when `condition` holds, checking now and on every event; reject after the timeout. */
export function waitFor<T>(
  event: vscode.Event<unknown>,
  condition: () => T | undefined | false,
  what: string,
  timeoutMs = EVENT_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = condition();
    if (first) return resolve(first);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`));
    }, timeoutMs);
    const subscription = event(() => {
      const value = condition();
      if (!value) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Wait until the Shipshape diagnostics of `uri` for `ruleId` satisfy `accept`; returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  ruleId: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  try {
    return await waitFor(
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const found = shipshapeDiagnostics(uri, ruleId);
        return accept(found) ? found : undefined;
      },
      `${what} (${ruleId} in ${vscode.workspace.asRelativePath(uri)})`,
    );
  } catch (error) {
    const now = shipshapeDiagnostics(uri).map((d) => `${codeOf(d)} ${rangeText(d.range)}`);
    throw new Error(`${(error as Error).message}; Shipshape diagnostics now: ${now.join(', ') || 'none'}`);
  }
}

export const present = (diagnostics: vscode.Diagnostic[]) => diagnostics.length > 0;
export const absent = (diagnostics: vscode.Diagnostic[]) => diagnostics.length === 0;

/** `line:col-line:col`, 1-based, end exclusive: the notation of the unit tests. */
export function rangeText(range: vscode.Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/** Put a fixture back as it is on disk (tests edit and save them) and save it. */
export async function restoreFixture(relativePath: string, originalText: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  if (document.getText() === originalText && !document.isDirty) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), originalText);
  await vscode.workspace.applyEdit(edit);
  await document.save();
}

export function readFixture(relativePath: string): string {
  return readFileSync(fixtureUri(relativePath).fsPath, 'utf8');
}

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  await extension.activate();
  return extension;
}

/**
 * The code actions VS Code offers for `range`. The request is answered from the workbench's copy of
 * the diagnostics, which can trail the extension host's by a change (a re-pull of a just-shown
 * document): when `accept` finds nothing, ask again after the next diagnostics change of the file.
 */
export async function codeActionsFor<T>(
  uri: vscode.Uri,
  range: vscode.Range,
  accept: (actions: vscode.CodeAction[]) => T | undefined,
  what: string,
): Promise<T> {
  const request = () =>
    vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
    );
  let actions = await request();
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = accept(actions);
    if (found !== undefined) return found;
    const changed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => finish(false), EVENT_TIMEOUT_MS / 4);
      const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((changedUri) => changedUri.toString() === uri.toString())) finish(true);
      });
      const finish = (value: boolean) => {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      };
    });
    actions = await request();
    if (!changed) break;
  }
  const found = accept(actions);
  if (found !== undefined) return found;
  throw new Error(`no ${what} among the code actions: ${actions.map((a) => a.title).join(' | ') || 'none'}`);
}
