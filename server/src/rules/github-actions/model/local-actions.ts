/**
 * The metadata (`action.yml`) of a local action a workflow step uses (`uses: ./.github/actions/setup`),
 * read through the host from the repository the workflow belongs to. Paths in `uses: ./…` start at the
 * repository root, which for a workflow is the folder holding `.github/workflows/`.
 */
import { isMap, parseDocument, type YAMLMap } from 'yaml';
import type { GitHubActionsFile, Host } from '../../../engine/types';
import { entries, mapGet, scalarString } from '../../../engine/yaml/nav';
import type { UsesRef } from './workflow-model';

export interface LocalAction {
  /** The folder of the action, absolute. */
  folder: string;
  metadata: YAMLMap;
}

const WORKFLOWS = '/.github/workflows/';
const parsedByText = new Map<string, YAMLMap | undefined>();

/** The local action's metadata; undefined when it is not a workflow's local action or its file cannot be read. */
export function localActionOf(file: GitHubActionsFile, uses: UsesRef, host: Host): LocalAction | undefined {
  const at = file.path.replace(/\\/g, '/').lastIndexOf(WORKFLOWS);
  if (uses.kind !== 'local' || file.flavor !== 'workflow' || at < 0 || uses.written.includes('${{')) return undefined;
  const folder = `${file.path.slice(0, at)}/${uses.written.slice(2).replace(/\/+$/, '')}`;
  for (const name of ['action.yml', 'action.yaml']) {
    const text = host.readFile(`${folder}/${name}`);
    if (text === undefined) continue;
    const metadata = parsedMetadata(text);
    return metadata ? { folder, metadata } : undefined;
  }
  return undefined;
}

function parsedMetadata(text: string): YAMLMap | undefined {
  if (!parsedByText.has(text)) {
    const document = parseDocument(text, { uniqueKeys: false });
    // A metadata file that does not parse is its own file's finding, not the workflow's.
    parsedByText.set(text, document.errors.length === 0 && isMap(document.contents) ? document.contents : undefined);
    if (parsedByText.size > 200) parsedByText.delete(parsedByText.keys().next().value!);
  }
  return parsedByText.get(text);
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
