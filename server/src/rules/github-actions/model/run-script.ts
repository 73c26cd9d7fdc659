import type { YAMLMap } from 'yaml';
import type { GitHubActionsFile } from '../../../engine/types';
import { mapGet, scalarString } from '../../../engine/yaml/nav';

export interface RunScript {
  /** The script as written in the source (block indentation included), so offsets map to the editor. */
  source: string;
  start: number;
  /** The script as the shell gets it. */
  value: string;
}

export function runScript(file: GitHubActionsFile, step: YAMLMap | undefined): RunScript | undefined {
  const node = mapGet(step, 'run');
  const value = scalarString(node);
  if (!node?.range || value === undefined) return undefined;
  const [start, end] = node.range;
  return { source: file.text.slice(start, end), start, value };
}
