/**
 * What a local reusable workflow (`jobs.<id>.uses: ./.github/workflows/build.yml`) declares under
 * `on.workflow_call`: the inputs and secrets a call may and must pass. Read through the host, like local
 * actions, so that an open editor's unsaved text is what the caller is checked against.
 */
import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { GitHubActionsFile, Host } from '../../../engine/types';
import { asSeq, entries, mapGet, scalarString } from '../../../engine/yaml/nav';
import { parsedYamlMapping, repositoryPath } from './repository-files';

export interface DeclaredParameter {
  /** As written in the called workflow; calls compare names without case. */
  name: string;
  required: boolean;
  /** `boolean`, `number` or `string` for inputs. */
  type?: string;
}

/** Lower-cased name → declaration; undefined when the names cannot be known (a key computed by an expression). */
export type DeclaredParameters = ReadonlyMap<string, DeclaredParameter> | undefined;

export type CalledWorkflow =
  | { status: 'missing'; path: string }
  | { status: 'not-reusable'; path: string }
  | { status: 'reusable'; path: string; inputs: DeclaredParameters; secrets: DeclaredParameters };

/**
 * The called local workflow; undefined when the call is not to a local file of a known repository, or
 * when the file does not parse or its `on:` cannot be read (its own check reports that).
 */
export function calledWorkflowOf(file: GitHubActionsFile, written: string, host: Host): CalledWorkflow | undefined {
  const path = repositoryPath(file, written);
  if (path === undefined) return undefined;
  const text = host.readFile(path);
  if (text === undefined) return { status: 'missing', path };
  const root = parsedYamlMapping(text);
  const on = mapGet(root, 'on');
  if (!root || on === undefined || on === null || scalarString(on)?.includes('${{')) return undefined;
  if (isMap(on)) {
    if (!entries(on).some(({ key }) => key === 'workflow_call')) return { status: 'not-reusable', path };
    const call = mapGet(on, 'workflow_call');
    return { status: 'reusable', path, inputs: declared(call, 'inputs'), secrets: declared(call, 'secrets') };
  }
  const events = isScalar(on) ? [scalarString(on)] : (asSeq(on)?.items ?? []).map((item) => scalarString(item));
  if (!events.includes('workflow_call')) return { status: 'not-reusable', path };
  return { status: 'reusable', path, inputs: new Map(), secrets: new Map() };
}

/** `inputs` or `secrets` of `on.workflow_call`: none when absent or empty. */
function declared(call: unknown, section: 'inputs' | 'secrets'): DeclaredParameters {
  const node = mapGet(call, section);
  const parameters = new Map<string, DeclaredParameter>();
  if (node === undefined || node === null || (isScalar(node) && scalarString(node) === '')) return parameters;
  if (!isMap(node)) return undefined;
  for (const { key, pair } of entries(node)) {
    if (key.includes('${{')) return undefined;
    const definition = pair.value as YAMLMap | null;
    const required = isTrue(mapGet(definition, 'required'));
    parameters.set(key.toLowerCase(), {
      name: key,
      // A required input with a default is not reported when left out (as actionlint): whether the default
      // then applies is not worth a false alarm.
      required: section === 'inputs' ? required && mapGet(definition, 'default') === undefined : required,
      type: scalarString(mapGet(definition, 'type'))?.toLowerCase(),
    });
  }
  return parameters;
}

function isTrue(node: unknown): boolean {
  return isScalar(node) && node.value === true;
}
