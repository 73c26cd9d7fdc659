/** Workflow-shaped edits: a step's `with:` input, top-level blocks before `jobs:`. */
import { isMap, type YAMLMap } from 'yaml';
import type { GitHubActionsFile } from '../../engine/types';
import { pairOf } from '../../engine/yaml/nav';
import type { TextEdit } from '../types';
import { insertBeforeKey, insertIntoMap, lineEnding } from '../yaml-edits';

export { insertBeforeKey, insertIntoMap };

/** Set a `with:` input on a step: into its block `with:`, or as a new `with:` after the `uses:` line. */
export function addStepInput(
  file: GitHubActionsFile,
  step: YAMLMap,
  name: string,
  value: string,
): TextEdit | undefined {
  const existing = pairOf(step, 'with');
  if (existing) return isMap(existing.value) ? insertIntoMap(file, existing.value, [`${name}: ${value}`]) : undefined;
  const uses = pairOf(step, 'uses');
  const keyOffset = uses?.key.range?.[0];
  const valueEnd = uses?.value?.range?.[1];
  if (keyOffset === undefined || valueEnd === undefined) return undefined;
  const indent = ' '.repeat(file.lines.positionAt(keyOffset).character);
  const line = file.lines.positionAt(valueEnd).line;
  // After the whole line, so a trailing comment (`# v4`) stays with the `uses:` it describes.
  const end = { line, character: file.lines.lineText(line).length };
  const eol = lineEnding(file.text);
  return { range: { start: end, end }, newText: `${eol}${indent}with:${eol}${indent}  ${name}: ${value}` };
}

/** Insert top-level lines before the `jobs:` key (where `permissions` and `concurrency` are read best). */
export function insertBeforeJobs(
  file: GitHubActionsFile,
  root: YAMLMap | undefined,
  lines: readonly string[],
): TextEdit | undefined {
  const jobs = pairOf(root, 'jobs');
  return jobs ? insertBeforeKey(file, jobs, lines) : undefined;
}
