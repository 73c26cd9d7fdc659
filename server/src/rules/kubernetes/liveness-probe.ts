import { reportMissingProbe } from '../../engine/kubernetes/probes';
import type { Rule } from '../../engine/types';

export const livenessProbe: Rule<'kubernetes'> = {
  id: 'kubernetes/liveness-probe',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: 'Long-running containers need a liveness probe so a hung process is restarted.' },
  aliases: ['kube-linter:no-liveness-probe', 'polaris:livenessProbeMissing', 'kube-score:pod-probes'],
  check({ file, report }) {
    reportMissingProbe(
      file,
      'livenessProbe',
      'a deadlocked process keeps running forever. Add a livenessProbe.',
      report,
    );
  },
};
