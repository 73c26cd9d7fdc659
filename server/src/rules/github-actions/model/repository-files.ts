/**
 * Files of the repository a workflow belongs to (local actions, called reusable workflows), read through
 * the host. Paths in `uses: ./…` start at the repository root: for a workflow, the folder that holds
 * `.github/workflows/`.
 */
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import type { GitHubActionsFile } from '../../../engine/types';

const WORKFLOWS = '/.github/workflows/';
const parsedByText = new Map<string, YAMLMap | undefined>();

/** The repository root of a workflow file; undefined for action metadata and files outside `.github/workflows/`. */
export function repositoryRoot(file: GitHubActionsFile): string | undefined {
  const at = file.path.replace(/\\/g, '/').lastIndexOf(WORKFLOWS);
  return file.flavor === 'workflow' && at >= 0 ? file.path.slice(0, at) : undefined;
}

/**
 * The absolute path of a `./…` reference of a workflow (or `$/…`, GitHub's other spelling of a path from
 * the repository root at the same commit); undefined when the root is unknown or the path is computed.
 */
export function repositoryPath(file: GitHubActionsFile, written: string): string | undefined {
  const root = repositoryRoot(file);
  if (root === undefined || !isRepositoryPath(written) || written.includes('${{')) return undefined;
  return `${root}/${written.slice(2).replace(/\/+$/, '')}`;
}

/**
 * Another file's YAML root mapping, parsed once per text. Undefined when it does not parse: that is a
 * finding of its own file, not of the file that reads it.
 */
export function parsedYamlMapping(text: string): YAMLMap | undefined {
  if (!parsedByText.has(text)) {
    const document = parseDocument(text, { uniqueKeys: false });
    parsedByText.set(text, document.errors.length === 0 && isMap(document.contents) ? document.contents : undefined);
    if (parsedByText.size > 200) parsedByText.delete(parsedByText.keys().next().value!);
  }
  return parsedByText.get(text);
}

export function isRepositoryPath(written: string): boolean {
  return written.startsWith('./') || written.startsWith('$/');
}
