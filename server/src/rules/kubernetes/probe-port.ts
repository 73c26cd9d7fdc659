import { isScalar } from 'yaml';
import { containersOf, describeContainer, isSidecar } from './model/pod-spec';
import type { Rule } from '../../engine/types';
import { asSeq, getIn, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

interface DeclaredPort {
  name?: string;
  number?: number;
}

/** The container's TCP ports: probes connect over TCP, so a UDP port cannot answer one. */
function tcpPorts(container: unknown): DeclaredPort[] {
  return (asSeq(mapGet(container, 'ports'))?.items ?? [])
    .filter((port) => (scalarString(mapGet(port, 'protocol')) ?? 'TCP').toUpperCase() === 'TCP')
    .map((port) => ({
      name: scalarString(mapGet(port, 'name')),
      number: Number(scalarString(mapGet(port, 'containerPort'))),
    }));
}

export const probePort: Rule<'kubernetes'> = {
  id: 'kubernetes/probe-port',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: "A probe's named port must be a TCP port that the container declares under that name." },
  aliases: ['kube-linter:liveness-port', 'kube-linter:readiness-port', 'kube-linter:startup-port'],
  check({ file, report }) {
    for (const object of file.objects) {
      for (const ref of containersOf(object)) {
        if (ref.group === 'initContainers' && !isSidecar(ref)) continue;
        // Worked out only for a container with a named probe port: most probes name a number or none.
        let declared: DeclaredPort[] | undefined;
        for (const probe of PROBES) {
          const probeNode = mapGet(ref.container, probe);
          if (!probeNode) continue;
          for (const handler of HANDLERS) {
            const portNode = getIn(probeNode, [handler, 'port']);
            if (!isScalar(portNode)) continue;
            const port = scalarString(portNode);
            // Kubernetes does not require a numeric port to be declared: a container may listen on any
            // port. Only a named port must exist, or the probe cannot resolve it.
            if (port === undefined || /^\d+$/.test(port)) continue;
            declared ??= tcpPorts(ref.container);
            if (declared.some((p) => p.name === port)) continue;
            const range = nodeRange(file.lines, portNode);
            if (!range) continue;
            const names = declared.map((p) => p.name).filter(Boolean);
            report({
              range,
              message: `The ${probe} of the ${describeContainer(ref)} uses port '${port}', but the container has no TCP port named so${names.length ? ` (named ports: ${names.join(', ')})` : ''}: the probe will always fail.`,
              data: { probe },
            });
          }
        }
      }
    }
  },
};
