/**
 * What cross-file rules need to know about every manifest of the workspace: its workloads with their
 * pod labels and replicas, its disruption budgets and autoscalers. Built once per parsed file (the
 * workspace re-parses a file only when its text changes), so a keystroke re-indexes one file.
 */
import type { KubernetesFile } from '../../../engine/types';
import { getIn, mapGet, scalarString } from '../../../engine/yaml/nav';
import type { KubernetesObject } from '../../../engine/kubernetes/objects';
import { podMetadataOf, podSpecOf, runsToCompletion } from './pod-spec';
import { labelSelectorOf, labelsOf, type Labels, type Selector } from './selectors';

export interface IndexedObject {
  object: KubernetesObject;
  file: KubernetesFile;
}

export interface Workload extends IndexedObject {
  podLabels: Labels;
  /** Declared replicas; undefined when not written (a bare Pod, a DaemonSet, or the default of 1). */
  replicas?: number;
  longRunning: boolean;
}

export interface DisruptionBudget extends IndexedObject {
  selector: Selector;
}

export interface FileIndex {
  workloads: Workload[];
  budgets: DisruptionBudget[];
  autoscalers: IndexedObject[];
  all: IndexedObject[];
}

const cache = new WeakMap<KubernetesFile, FileIndex>();
/** Controllers whose pods carry their selector's labels, even while the template is not written yet. */
const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

/** The pod template's labels; without any, the selector's `matchLabels`, which the pods must carry. */
function podLabelsOf(object: KubernetesObject): Labels {
  const labels = labelsOf(mapGet(podMetadataOf(object), 'labels'));
  if (labels.size > 0) return labels;
  const selector = getIn(object.node, ['spec', 'selector']);
  return labelsOf(mapGet(selector, 'matchLabels') ?? (object.kind === 'ReplicationController' ? selector : undefined));
}

export function indexOf(file: KubernetesFile): FileIndex {
  let index = cache.get(file);
  if (!index) {
    index = buildIndex(file);
    cache.set(file, index);
  }
  return index;
}

function buildIndex(file: KubernetesFile): FileIndex {
  const index: FileIndex = { workloads: [], budgets: [], autoscalers: [], all: [] };
  for (const object of file.objects) {
    const entry = { object, file };
    index.all.push(entry);
    if (object.kind === 'PodDisruptionBudget') {
      const selector = labelSelectorOf(getIn(object.node, ['spec', 'selector']));
      if (selector) index.budgets.push({ ...entry, selector });
    } else if (object.kind === 'HorizontalPodAutoscaler') {
      index.autoscalers.push(entry);
    } else if (podSpecOf(object) || WORKLOAD_KINDS.has(object.kind)) {
      const replicasText = scalarString(getIn(object.node, ['spec', 'replicas']));
      const replicas = replicasText !== undefined && /^\d+$/.test(replicasText) ? Number(replicasText) : undefined;
      index.workloads.push({
        ...entry,
        podLabels: podLabelsOf(object),
        replicas,
        longRunning: !runsToCompletion(object),
      });
    }
  }
  return index;
}

/** Objects without a namespace get one at apply time (`kubectl -n`), so they may land in any namespace. */
export function sameNamespace(a: KubernetesObject, b: KubernetesObject): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}

/** The group of an apiVersion: `apps` for `apps/v1`, `` for `v1`. */
export function apiGroup(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/**
 * The workloads some HorizontalPodAutoscaler scales (`Deployment/web`), with the lowest replica count it
 * may scale them down to (`minReplicas`, 1 when not written): it owns their replicas.
 */
export function autoscaledTargets(indexes: readonly FileIndex[]): Map<string, number> {
  const targets = new Map<string, number>();
  for (const { object } of indexes.flatMap((index) => index.autoscalers)) {
    const ref = getIn(object.node, ['spec', 'scaleTargetRef']);
    const kind = scalarString(mapGet(ref, 'kind'));
    const name = scalarString(mapGet(ref, 'name'));
    const minReplicas = Number(scalarString(getIn(object.node, ['spec', 'minReplicas'])) ?? '1');
    if (kind && name) targets.set(`${kind}/${name}`, Number.isFinite(minReplicas) ? minReplicas : 1);
  }
  return targets;
}
