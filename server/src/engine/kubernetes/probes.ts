import { containerAnchor } from './anchors';
import { containersOf, describeContainer, runsToCompletion } from './pod-spec';
import type { KubernetesFile, Report } from '../types';
import { mapGet } from '../yaml/nav';

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/**
 * Report regular containers of long-running workloads that lack a probe. Init containers run to
 * completion before the pod starts, and Jobs and CronJobs are not services, so neither needs probes.
 */
export function reportMissingProbe(
  file: KubernetesFile,
  probe: ProbeKind,
  why: string,
  report: (r: Report) => void,
): void {
  for (const object of file.objects) {
    if (runsToCompletion(object)) continue;
    for (const ref of containersOf(object)) {
      if (ref.group !== 'containers' || mapGet(ref.container, probe)) continue;
      report({
        range: containerAnchor(file.lines, ref),
        message: `The ${describeContainer(ref)} has no ${probe}: ${why}`,
        data: { probe },
      });
    }
  }
}
