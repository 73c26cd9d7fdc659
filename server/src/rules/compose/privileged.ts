import { isScalar, isSeq, type Node } from 'yaml';
import type { Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { scalarSliceRange } from '../shared/yaml-scalar';
import { composeProject } from './model/project';
import { volumeSource } from './model/volumes';

const DOCKER_SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock']);

export const privileged: Rule<'compose'> = {
  id: 'compose/privileged',
  kind: 'compose',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Services should not get host-level access: privileged: true, network_mode: host or the Docker socket.',
  },
  aliases: [],
  check({ file, workspace, report }) {
    const at = (node: Node | undefined, message: string) => {
      const range = nodeRange(file.lines, node);
      if (range) report({ range, message });
    };
    for (const service of composeProject(file, workspace).services) {
      const flag = service.get('privileged');
      if (isScalar(flag) && (flag.value === true || flag.value === 'true')) {
        at(
          flag,
          `Service '${service.name}' runs privileged: it gets every capability and all host devices, so a compromise owns the host. Grant the specific cap_add: or devices: it needs.`,
        );
      }
      const network = service.get('network_mode');
      if (isScalar(network) && network.value === 'host') {
        at(
          network,
          `Service '${service.name}' shares the host's network stack: it can reach every host port and bypasses published ports. Publish the ports it needs instead.`,
        );
      }
      const volumes = service.get('volumes');
      for (const item of isSeq(volumes) ? volumes.items : []) {
        const source = volumeSource(item);
        if (!source || source.kind !== 'bind' || !DOCKER_SOCKETS.has(source.name)) continue;
        const range = source.slice
          ? scalarSliceRange(item, file.lines, source.slice.start, source.slice.end)
          : nodeRange(file.lines, source.node);
        if (range) {
          report({
            range,
            message: `Service '${service.name}' mounts the Docker socket, which gives it root on the host. Use a socket proxy with a narrow API allow-list if it must talk to Docker.`,
          });
        }
      }
    }
  },
};
