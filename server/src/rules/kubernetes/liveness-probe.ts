import { containersWithoutProbe } from './model/probes';
import type { Rule } from '../../engine/types';

const WHY = 'a deadlocked process keeps running forever. Add a livenessProbe.';

export const livenessProbe: Rule<'kubernetes'> = {
  id: 'kubernetes/liveness-probe',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: 'Long-running containers need a liveness probe so a hung process is restarted.' },
  aliases: ['kube-linter:no-liveness-probe', 'polaris:livenessProbeMissing', 'kube-score:pod-probes'],
  check({ file, report }) {
    for (const { range, description } of containersWithoutProbe(file, 'livenessProbe')) {
      report({ range, message: `The ${description} has no livenessProbe: ${WHY}`, data: { probe: 'livenessProbe' } });
    }
  },
};
