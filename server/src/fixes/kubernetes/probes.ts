import type { FixProvider } from '../types';
import { asSeq, mapGet, scalarString } from '../../engine/yaml/nav';
import { asKubernetes, containerOf } from './locate';
import { setIn } from './yaml-edits';

const PATHS: Record<string, string> = { livenessProbe: '/healthz', readinessProbe: '/ready' };

export const probeFix: FixProvider = {
  ruleIds: ['kubernetes/liveness-probe', 'kubernetes/readiness-probe'],
  createFixes(finding, parsed) {
    const file = asKubernetes(parsed);
    const probe = String(finding.data?.probe);
    const ref = file && containerOf(file, finding);
    if (!file || !ref || !PATHS[probe]) return [];
    // The container's first TCP port, by name when it has one: the probe follows a renumbered port.
    const port = (asSeq(mapGet(ref.container, 'ports'))?.items ?? []).find(
      (item) => (scalarString(mapGet(item, 'protocol')) ?? 'TCP').toUpperCase() === 'TCP',
    );
    const portText = scalarString(mapGet(port, 'name')) ?? scalarString(mapGet(port, 'containerPort'));
    const edits = setIn(file, ref.container, [probe], {
      httpGet: { path: `\${1:${PATHS[probe]}}`, port: portText ?? '${2:8080}' },
      periodSeconds: '${3:10}',
    });
    const title = `Add a ${probe}${portText ? ` on port ${portText}` : ''}`;
    return edits ? [{ title, edits, snippet: true, isPreferred: true }] : [];
  },
};
