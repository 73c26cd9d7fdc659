import * as vscode from 'vscode';
import { dispatchInfo, validateInput, type DispatchInput } from '../core/dispatch-inputs';
import type { Workflow } from '../core/model';
import type { PipelineProvider } from '../core/provider';
import type { RepositoryState } from '../core/pipelines-service';

/** The workflow file's text: the workspace copy when the folder has it, else the file at `ref` on the server. */
export async function workflowText(repo: RepositoryState, provider: PipelineProvider, workflow: Workflow, ref: string) {
  try {
    const local = vscode.Uri.joinPath(vscode.Uri.file(repo.folder), workflow.path);
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(local));
  } catch {
    return provider.fileText(workflow.path, ref);
  }
}

/**
 * Ask for each `workflow_dispatch` input with the control its type calls for. Resolves undefined
 * when the user cancels; values are strings, as GitHub receives them.
 */
export async function askDispatchInputs(
  inputs: DispatchInput[],
  environments: () => Promise<string[]>,
): Promise<Record<string, string> | undefined> {
  const values: Record<string, string> = {};
  for (const [index, input] of inputs.entries()) {
    const title = `Run Workflow: ${input.name} (${index + 1}/${inputs.length})`;
    const placeHolder = input.description ?? input.name;
    let value: string | undefined;
    if (input.type === 'boolean') {
      const yes = { label: 'true', description: input.default === 'true' ? 'default' : undefined };
      const no = { label: 'false', description: input.default !== 'true' ? 'default' : undefined };
      value = (
        await vscode.window.showQuickPick(input.default === 'true' ? [yes, no] : [no, yes], { title, placeHolder })
      )?.label;
    } else if (input.type === 'choice' || input.type === 'environment') {
      const options = input.type === 'choice' ? input.options : await environments();
      const items = options.map((option) => ({
        label: option,
        description: option === input.default ? 'default' : undefined,
      }));
      items.sort((a, b) => Number(Boolean(b.description)) - Number(Boolean(a.description)));
      if (!input.required) items.push({ label: '', description: '(none)' });
      value = (await vscode.window.showQuickPick(items, { title, placeHolder }))?.label;
    } else {
      value = await vscode.window.showInputBox({
        title,
        prompt: placeHolder,
        value: input.default ?? '',
        validateInput: (text) => validateInput(input, text),
      });
    }
    if (value === undefined) return undefined;
    if (value !== '' || input.required) values[input.name] = value;
  }
  return values;
}

export async function askRef(defaultRef: string | undefined, title: string): Promise<string | undefined> {
  const ref = await vscode.window.showInputBox({
    title,
    prompt: 'Branch or tag to run on',
    value: defaultRef ?? '',
    validateInput: (text) => (text.trim() ? undefined : 'a branch or tag is needed'),
  });
  return ref?.trim();
}

/** `KEY=value` lines for GitLab pipeline variables, asked one at a time until an empty answer. */
export async function askVariables(): Promise<Record<string, string> | undefined> {
  const variables: Record<string, string> = {};
  for (;;) {
    const entry = await vscode.window.showInputBox({
      title: 'Run Pipeline: variables',
      prompt: `KEY=value (${Object.keys(variables).length} so far); leave empty to start the pipeline`,
      validateInput: (text) => (!text || /^[A-Za-z_][A-Za-z0-9_]*=/.test(text) ? undefined : 'write KEY=value'),
    });
    if (entry === undefined) return undefined;
    if (!entry) return variables;
    const at = entry.indexOf('=');
    variables[entry.slice(0, at)] = entry.slice(at + 1);
  }
}

export { dispatchInfo };
