import { reportMissingProbe } from '../../engine/kubernetes/probes';
import type { Rule } from '../../engine/types';

export const readinessProbe: Rule<'kubernetes'> = {
  id: 'kubernetes/readiness-probe',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Long-running containers need a readiness probe so traffic reaches them only when they can serve it.',
  },
  aliases: ['kube-linter:no-readiness-probe', 'polaris:readinessProbeMissing', 'kube-score:pod-probes'],
  check({ file, report }) {
    reportMissingProbe(
      file,
      'readinessProbe',
      'Services send it traffic as soon as it starts, and during rollouts. Add a readinessProbe.',
      report,
    );
  },
};
