import { containersOf, describeContainer } from './model/pod-spec';
import { missingResources, resourcesAnchor } from './model/resources';
import type { Rule } from '../../engine/types';

export const resourceLimits: Rule<'kubernetes', { cpu: boolean }> = {
  id: 'kubernetes/resource-limits',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: 'Containers need a memory limit so one leaking pod cannot exhaust its node.' },
  aliases: [
    'kube-linter:unset-memory-requirements',
    'polaris:memoryLimitsMissing',
    'polaris:cpuLimitsMissing',
    'kube-score:container-resources',
  ],
  defaultOptions: { cpu: false },
  check({ file, options, report }) {
    // CPU limits throttle a container even when the node is idle, so they are only required on request.
    const wanted = options.cpu ? ['cpu', 'memory'] : ['memory'];
    for (const object of file.objects) {
      for (const ref of containersOf(object).filter((r) => r.group !== 'ephemeralContainers')) {
        const missing = missingResources(ref, 'limits', wanted);
        if (missing.length === 0) continue;
        report({
          range: resourcesAnchor(file.lines, ref, 'limits'),
          message: `The ${describeContainer(ref)} has no ${missing.join(' or ')} limit: set ${missing.map((name) => `resources.limits.${name}`).join(' and ')}.`,
          data: { section: 'limits', missing },
        });
      }
    }
  },
};
