import { containersWithoutProbe } from './model/probes';
import type { Rule } from '../../engine/types';

const WHY = 'Services send it traffic as soon as it starts, and during rollouts. Add a readinessProbe.';

export const readinessProbe: Rule<'kubernetes'> = {
  id: 'kubernetes/readiness-probe',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Long-running containers need a readiness probe so traffic reaches them only when they can serve it.',
  },
  aliases: ['kube-linter:no-readiness-probe', 'polaris:readinessProbeMissing', 'kube-score:pod-probes'],
  check({ file, report }) {
    for (const { range, description } of containersWithoutProbe(file, 'readinessProbe')) {
      report({ range, message: `The ${description} has no readinessProbe: ${WHY}`, data: { probe: 'readinessProbe' } });
    }
  },
};
