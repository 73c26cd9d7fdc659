/**
 * The shapes rules keep asking about in a workflow: its jobs, its triggers, and what a `uses:` names.
 * Computed on demand from the YAML AST (which keeps source ranges); cheap, so not cached.
 */
import { isScalar, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { GitHubActionsFile, Range } from '../../../engine/types';
import { asMap, asSeq, entries, mapGet, nodeRange, pairOf, scalarString } from '../../../engine/yaml/nav';
import { scalarValueStart } from '../../shared/yaml-scalar';

export interface JobRef {
  id: string;
  pair: Pair<Scalar, Node | null>;
  job: YAMLMap | undefined;
}

/** The workflow's root mapping (workflows are single-document); undefined for action metadata. */
export function workflowRoot(file: GitHubActionsFile): YAMLMap | undefined {
  if (file.flavor !== 'workflow') return undefined;
  return asMap(file.documents[0]?.contents);
}

export function jobsOf(file: GitHubActionsFile): JobRef[] {
  return entries(mapGet(workflowRoot(file), 'jobs')).map(({ key, pair }) => ({
    id: key,
    pair,
    job: asMap(pair.value),
  }));
}

/** The steps of one job, as mappings. */
export function jobSteps(job: YAMLMap | undefined): YAMLMap[] {
  return (asSeq(mapGet(job, 'steps'))?.items ?? []).map(asMap).filter((s): s is YAMLMap => s !== undefined);
}

/** Event names of `on:` (string, list or mapping form), each with the range of the token naming it. */
export function triggersOf(file: GitHubActionsFile): Map<string, Range> {
  const triggers = new Map<string, Range>();
  const on = mapGet(workflowRoot(file), 'on');
  const add = (name: string | undefined, node: Node | null | undefined) => {
    const range = nodeRange(file.lines, node);
    if (name && range && !triggers.has(name)) triggers.set(name, range);
  };
  if (isScalar(on)) add(scalarString(on), on);
  for (const item of asSeq(on)?.items ?? []) add(scalarString(item), item as Node);
  for (const { key, pair } of entries(on)) add(key, pair.key);
  return triggers;
}

export interface UsesRef {
  kind: 'repository' | 'local' | 'docker';
  /** `owner/repo`, lower-cased, for repository actions. */
  name: string;
  /** The part after `@` (empty when missing). */
  ref: string;
  written: string;
  node: Scalar;
  /** Where the whole value and the ref after `@` are in the source (undefined when not written literally). */
  valueRange: Range;
  refRange?: Range;
}

/** What a step's or reusable job's `uses:` names, with ranges into the source. */
export function usesOf(file: GitHubActionsFile, owner: YAMLMap | undefined): UsesRef | undefined {
  const node = mapGet(owner, 'uses');
  const written = scalarString(node);
  if (!isScalar(node) || !written) return undefined;
  const start = scalarValueStart(node, file.lines);
  const valueRange =
    start === undefined ? nodeRange(file.lines, node) : file.lines.range(start, start + written.length);
  if (!valueRange) return undefined;
  const at = written.lastIndexOf('@');
  const refRange =
    start !== undefined && at >= 0 ? file.lines.range(start + at + 1, start + written.length) : undefined;
  if (written.startsWith('./')) return { kind: 'local', name: written, ref: '', written, node, valueRange };
  if (written.startsWith('docker://'))
    return { kind: 'docker', name: written.slice(9), ref: '', written, node, valueRange };
  const path = at >= 0 ? written.slice(0, at) : written;
  const name = path.split('/').slice(0, 2).join('/').toLowerCase();
  return { kind: 'repository', name, ref: at >= 0 ? written.slice(at + 1) : '', written, node, valueRange, refRange };
}

/** The `with:` input of a step, as a string. */
export function stepInput(step: YAMLMap | undefined, name: string): string | undefined {
  return scalarString(mapGet(mapGet(step, 'with'), name));
}

/**
 * A value written as one whole expression (`strategy: ${{ fromJSON(needs.setup.outputs.strategy) }}`).
 * Where GitHub's schema expects a mapping (`strategy`, `matrix`, `env`, a step's `with`, `container`,
 * `services`, `concurrency`, `environment`…) it accepts such an expression and evaluates it at run
 * time, so what it holds (matrix keys, inputs, cancel-in-progress) cannot be known from the file.
 */
export function isWholeExpression(node: unknown): boolean {
  const value = isScalar(node) ? scalarString(node) : undefined;
  return value !== undefined && /^\s*\$\{\{[\s\S]*\}\}\s*$/.test(value) && value.trim().indexOf('${{', 1) < 0;
}

/** Whether a step's or reusable call's `with:` is an expression, so its inputs are unknown. */
export function inputsUnknown(owner: YAMLMap | undefined): boolean {
  return isWholeExpression(mapGet(owner, 'with'));
}

/** The major version of a `vN`, `vN.M` or `vN.M.P` ref, or undefined for branches and SHAs. */
export function refMajor(ref: string): number | undefined {
  const match = /^v(\d+)(?:\.\d+){0,2}$/.exec(ref);
  return match ? Number(match[1]) : undefined;
}

export function hasKey(map: unknown, key: string): boolean {
  return pairOf(map, key) !== undefined;
}
