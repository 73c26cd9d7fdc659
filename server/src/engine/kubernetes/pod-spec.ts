import type { YAMLMap } from 'yaml';
import { asMap, asSeq, getIn, mapGet } from '../yaml/nav';
import type { KubernetesObject } from './objects';

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';
export const CONTAINER_GROUPS: readonly ContainerGroup[] = ['containers', 'initContainers', 'ephemeralContainers'];

export interface ContainerRef {
  container: YAMLMap;
  group: ContainerGroup;
  podSpec: YAMLMap;
  object: KubernetesObject;
}

/**
 * Where the pod spec lives for each workload kind. Unknown kinds (CRDs such as Argo Rollouts)
 * are recognised by shape: a `spec.template.spec` or `spec.jobTemplate.spec.template.spec` with containers.
 */
const POD_SPEC_PATHS: Record<string, readonly string[]> = {
  Pod: ['spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};
const TEMPLATE_PATH = ['spec', 'template', 'spec'] as const;

export function podSpecOf(object: KubernetesObject): YAMLMap | undefined {
  const known = POD_SPEC_PATHS[object.kind];
  if (known) return asMap(getIn(object.node, known));
  for (const path of [TEMPLATE_PATH, POD_SPEC_PATHS.CronJob]) {
    const spec = asMap(getIn(object.node, path));
    if (spec && asSeq(mapGet(spec, 'containers'))) return spec;
  }
  return undefined;
}

export function containersOf(object: KubernetesObject): ContainerRef[] {
  const podSpec = podSpecOf(object);
  if (!podSpec) return [];
  const result: ContainerRef[] = [];
  for (const group of CONTAINER_GROUPS) {
    for (const item of asSeq(mapGet(podSpec, group))?.items ?? []) {
      const container = asMap(item);
      if (container) result.push({ container, group, podSpec, object });
    }
  }
  return result;
}
