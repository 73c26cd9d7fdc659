/**
 * Text edits that add keys to block YAML mappings while keeping their indentation. Flow mappings
 * (`{a: 1}`) get no edit: rewriting them is riskier than the fix is worth.
 */
import { isMap, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { GitHubActionsFile } from '../../engine/types';
import { pairOf } from '../../engine/yaml/nav';
import type { TextEdit } from '../types';

/** Put `lines` (relative indentation kept) just before a key, at the key's column. */
export function insertBeforeKey(file: GitHubActionsFile, pair: Pair<Scalar, Node | null>, lines: readonly string[]): TextEdit | undefined {
  const offset = pair.key.range?.[0];
  if (offset === undefined) return undefined;
  const column = file.lines.positionAt(offset).character;
  const indent = ' '.repeat(column);
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  const at = file.lines.range(offset, offset);
  return { range: at, newText: lines.join(eol + indent) + eol + indent };
}

/** Add `key: value` lines as the first keys of a block mapping. */
export function insertIntoMap(file: GitHubActionsFile, map: YAMLMap | undefined, lines: readonly string[]): TextEdit | undefined {
  if (!map || map.flow) return undefined;
  const first = map.items[0] as Pair<Scalar, Node | null> | undefined;
  return first ? insertBeforeKey(file, first, lines) : undefined;
}

/** Set a `with:` input on a step: into its block `with:`, or as a new `with:` after the `uses:` line. */
export function addStepInput(file: GitHubActionsFile, step: YAMLMap, name: string, value: string): TextEdit | undefined {
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
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: end, end }, newText: `${eol}${indent}with:${eol}${indent}  ${name}: ${value}` };
}

/** Insert top-level lines before the `jobs:` key (where `permissions` and `concurrency` are read best). */
export function insertBeforeJobs(file: GitHubActionsFile, root: YAMLMap | undefined, lines: readonly string[]): TextEdit | undefined {
  const jobs = pairOf(root, 'jobs');
  return jobs ? insertBeforeKey(file, jobs, lines) : undefined;
}
