import type { KubernetesFile, Range } from '../../../engine/types';
import { mapGet } from '../../../engine/yaml/nav';
import { containerAnchor } from './anchors';
import { containersOf, describeContainer, runsToCompletion } from './pod-spec';

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export interface ContainerWithoutProbe {
  /** Where to point: the container's name (or its first key). */
  range: Range;
  /** "container 'web' of Deployment web", for messages. */
  description: string;
}

/**
 * Regular containers of long-running workloads that lack a probe. Init containers run to completion
 * before the pod starts, and Jobs and CronJobs are not services, so neither needs probes.
 */
export function containersWithoutProbe(file: KubernetesFile, probe: ProbeKind): ContainerWithoutProbe[] {
  const missing: ContainerWithoutProbe[] = [];
  for (const object of file.objects) {
    if (runsToCompletion(object)) continue;
    for (const ref of containersOf(object)) {
      if (ref.group !== 'containers' || mapGet(ref.container, probe)) continue;
      missing.push({ range: containerAnchor(file.lines, ref), description: describeContainer(ref) });
    }
  }
  return missing;
}
