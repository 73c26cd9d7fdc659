/** Label selectors as Kubernetes evaluates them, on labels read from the YAML AST. */
import { isMap, type Node, type Pair, type Scalar } from 'yaml';
import { asSeq, entries, mapGet, scalarString } from '../../../engine/yaml/nav';

export type Labels = ReadonlyMap<string, string>;

export interface Requirement {
  key: string;
  operator: string;
  values: string[];
  /** Where it is written: a `matchLabels` pair or a `matchExpressions` item. */
  node: Node | Pair<Scalar, Node | null>;
}

export interface Selector {
  requirements: Requirement[];
}

export function labelsOf(node: unknown): Map<string, string> {
  const labels = new Map<string, string>();
  for (const { key, pair } of entries(node)) labels.set(key, scalarString(pair.value) ?? '');
  return labels;
}

/** A `LabelSelector` (`matchLabels` and `matchExpressions`), as in Deployments and PodDisruptionBudgets. */
export function labelSelectorOf(node: unknown): Selector | undefined {
  if (!isMap(node)) return undefined;
  const requirements: Requirement[] = mapSelectorOf(mapGet(node, 'matchLabels'))?.requirements ?? [];
  for (const item of asSeq(mapGet(node, 'matchExpressions'))?.items ?? []) {
    const key = scalarString(mapGet(item, 'key'));
    const operator = scalarString(mapGet(item, 'operator'));
    if (!key || !operator || !isMap(item)) continue;
    const values = (asSeq(mapGet(item, 'values'))?.items ?? []).map((value) => scalarString(value) ?? '');
    requirements.push({ key, operator, values, node: item });
  }
  return { requirements };
}

/** A Service's or ReplicationController's plain `selector: {key: value}` map. */
export function mapSelectorOf(node: unknown): Selector | undefined {
  if (!isMap(node)) return undefined;
  return {
    requirements: entries(node).map(({ key, pair }) => ({
      key,
      operator: 'In',
      values: [scalarString(pair.value) ?? ''],
      node: pair,
    })),
  };
}

export function satisfies(requirement: Requirement, labels: Labels): boolean {
  const value = labels.get(requirement.key);
  switch (requirement.operator) {
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      return false;
  }
}

/** An empty selector selects everything (a PodDisruptionBudget's `selector: {}` covers the namespace). */
/**
 * Labels controllers put on the pods they create, which no manifest writes: a Service may select the
 * pods of a Job by `job-name`, or one StatefulSet pod by its name.
 */
const CONTROLLER_LABELS = new Set([
  'job-name',
  'batch.kubernetes.io/job-name',
  'controller-uid',
  'batch.kubernetes.io/controller-uid',
  'pod-template-hash',
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
]);

/** The selector without requirements on controller-added labels, which every pod of a controller meets. */
export function withoutControllerLabels(selector: Selector): Selector {
  return { requirements: selector.requirements.filter((requirement) => !CONTROLLER_LABELS.has(requirement.key)) };
}

export function selects(selector: Selector, labels: Labels): boolean {
  return selector.requirements.every((requirement) => satisfies(requirement, labels));
}

export function formatLabels(labels: Labels): string {
  return labels.size === 0 ? '(no labels)' : [...labels].map(([key, value]) => `${key}=${value}`).join(', ');
}
