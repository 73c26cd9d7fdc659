import type { YAMLMap } from 'yaml';
import { asMap, asSeq, getIn, mapGet, scalarString } from '../../../engine/yaml/nav';
import type { KubernetesObject } from '../../../engine/kubernetes/objects';

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';
export const CONTAINER_GROUPS: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

export interface ContainerRef {
  container: YAMLMap;
  group: ContainerGroup;
  podSpec: YAMLMap;
  object: KubernetesObject;
  /** The container's `name`, or its group and index when it has none (`containers[0]`). */
  name: string;
}

/**
 * Where the pod spec lives for each workload kind. Unknown kinds (CRDs such as Argo Rollouts, OpenShift
 * DeploymentConfigs) are recognised by shape: a `spec.template.spec` or `spec.jobTemplate.spec.template.spec`
 * with containers. Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController and Job all use
 * `spec.template.spec`.
 */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const TEMPLATE_PATH = ['spec', 'template', 'spec'] as const;
const KINDS_WITHOUT_POD_SPEC = new Set([
  'Service',
  'ConfigMap',
  'Secret',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'NetworkPolicy',
]);

export function podSpecOf(object: KubernetesObject): YAMLMap | undefined {
  const known = POD_SPEC_PATHS[object.kind];
  if (known) return asMap(getIn(object.node, known));
  if (KINDS_WITHOUT_POD_SPEC.has(object.kind)) return undefined;
  // Any `spec.template.spec` mapping is taken as a pod spec (even before containers are written):
  // the rules that read it only look at pod-spec fields, which other templates do not have.
  const template = asMap(getIn(object.node, TEMPLATE_PATH));
  if (template) return template;
  const jobTemplate = asMap(getIn(object.node, POD_SPEC_PATHS.CronJob));
  return jobTemplate && asSeq(mapGet(jobTemplate, 'containers')) ? jobTemplate : undefined;
}

/** The pod template's metadata (the object's own metadata for a bare Pod). */
export function podMetadataOf(object: KubernetesObject): YAMLMap | undefined {
  if (object.kind === 'Pod') return asMap(mapGet(object.node, 'metadata'));
  return (
    asMap(getIn(object.node, ['spec', 'template', 'metadata'])) ??
    asMap(getIn(object.node, ['spec', 'jobTemplate', 'spec', 'template', 'metadata']))
  );
}

export function containersOf(object: KubernetesObject): ContainerRef[] {
  const podSpec = podSpecOf(object);
  if (!podSpec) return [];
  const result: ContainerRef[] = [];
  for (const group of CONTAINER_GROUPS) {
    asSeq(mapGet(podSpec, group))?.items.forEach((item, index) => {
      const container = asMap(item);
      if (!container) return;
      const name = scalarString(mapGet(container, 'name')) ?? `${group}[${index}]`;
      result.push({ container, group, podSpec, object, name });
    });
  }
  return result;
}

/**
 * Pods that run to completion: Jobs, CronJobs, and bare Pods with `restartPolicy: Never` or `OnFailure`.
 * Probes and disruption budgets are about long-running services, not these.
 */
export function runsToCompletion(object: KubernetesObject): boolean {
  if (object.kind === 'Job' || object.kind === 'CronJob') return true;
  const restartPolicy = scalarString(mapGet(podSpecOf(object), 'restartPolicy'));
  return restartPolicy === 'Never' || restartPolicy === 'OnFailure';
}

/**
 * An init container with `restartPolicy: Always` is a native sidecar (Kubernetes 1.29+): it runs for the
 * pod's whole life like a regular container.
 */
export function isSidecar(ref: ContainerRef): boolean {
  return ref.group === 'initContainers' && scalarString(mapGet(ref.container, 'restartPolicy')) === 'Always';
}

/** How a finding names a container: `container "web" of Deployment api`. */
export function describeContainer(ref: ContainerRef): string {
  const kind =
    ref.group === 'containers'
      ? 'container'
      : ref.group === 'initContainers'
        ? 'init container'
        : 'ephemeral container';
  return `${kind} "${ref.name}" of ${describeObject(ref.object)}`;
}

export function describeObject(object: KubernetesObject): string {
  return object.name ? `${object.kind} ${object.name}` : object.kind;
}
