/**
 * The metadata (`action.yml`) of a local action a workflow step uses (`uses: ./.github/actions/setup`),
 * read through the host from the repository the workflow belongs to (repository-files.ts).
 */
import { isMap, type YAMLMap } from 'yaml';
import type { GitHubActionsFile, Host } from '../../../engine/types';
import { entries, mapGet, scalarString } from '../../../engine/yaml/nav';
import { parsedYamlMapping, repositoryPath } from './repository-files';
import type { UsesRef } from './workflow-model';

export interface LocalAction {
  /** The folder of the action, absolute. */
  folder: string;
  metadata: YAMLMap;
}

/** The local action's metadata; undefined when it is not a workflow's local action or its file cannot be read. */
export function localActionOf(file: GitHubActionsFile, uses: UsesRef, host: Host): LocalAction | undefined {
  const folder = uses.kind === 'local' ? repositoryPath(file, uses.written) : undefined;
  if (folder === undefined) return undefined;
  for (const name of ['action.yml', 'action.yaml']) {
    const text = host.readFile(`${folder}/${name}`);
    if (text === undefined) continue;
    const metadata = parsedYamlMapping(text);
    return metadata ? { folder, metadata } : undefined;
  }
  return undefined;
}

/** The inputs an action declares, and those it requires (required and without a default). */
export function declaredInputs(metadata: YAMLMap): { inputs: string[]; required: string[] } | undefined {
  const inputs = mapGet(metadata, 'inputs');
  if (inputs === undefined || inputs === null) return { inputs: [], required: [] };
  if (!isMap(inputs)) return undefined;
  const declared = entries(inputs);
  if (declared.some(({ key }) => key.includes('${{'))) return undefined;
  const required = declared.filter(({ pair }) => {
    const value = pair.value;
    return scalarString(mapGet(value, 'required')) === 'true' && mapGet(value, 'default') === undefined;
  });
  return { inputs: declared.map(({ key }) => key), required: required.map(({ key }) => key) };
}
