import { containersOf, describeContainer } from './model/pod-spec';
import { missingResources, resourcesAnchor } from './model/resources';
import type { Rule } from '../../engine/types';

export const resourceRequests: Rule<'kubernetes'> = {
  id: 'kubernetes/resource-requests',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Containers need CPU and memory requests so the scheduler places them on a node that can run them.',
  },
  aliases: [
    'kube-linter:unset-cpu-requirements',
    'polaris:cpuRequestsMissing',
    'polaris:memoryRequestsMissing',
    'kube-score:container-resources',
  ],
  check({ file, report }) {
    for (const object of file.objects) {
      // Ephemeral (debug) containers cannot have resources.
      for (const ref of containersOf(object).filter((r) => r.group !== 'ephemeralContainers')) {
        const missing = missingResources(ref, 'requests', ['cpu', 'memory']);
        if (missing.length === 0) continue;
        report({
          range: resourcesAnchor(file.lines, ref, 'requests'),
          message: `The ${describeContainer(ref)} has no ${missing.join(' or ')} request: set ${missing.map((name) => `resources.requests.${name}`).join(' and ')}.`,
          data: { section: 'requests', missing },
        });
      }
    }
  },
};
