import { pairRange } from './model/anchors';
import { describeObject, podSpecOf } from './model/pod-spec';
import type { Rule } from '../../engine/types';
import { pairOf } from '../../engine/yaml/nav';

const NAMESPACES = {
  hostNetwork: "the node's network: it can bind node ports and see other pods' traffic",
  hostPID: "the node's processes: it can see and signal every process on the node",
  hostIPC: "the node's shared memory: it can read other processes' IPC",
} as const;

export const hostNamespaces: Rule<'kubernetes'> = {
  id: 'kubernetes/host-namespaces',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: "Pods should not share the node's network, process or IPC namespace." },
  aliases: [
    'kube-linter:host-network',
    'kube-linter:host-pid',
    'kube-linter:host-ipc',
    'polaris:hostNetworkSet',
    'polaris:hostPIDSet',
    'polaris:hostIPCSet',
  ],
  check({ file, report }) {
    for (const object of file.objects) {
      const podSpec = podSpecOf(object);
      for (const [key, what] of Object.entries(NAMESPACES)) {
        const pair = pairOf(podSpec, key);
        const value = pair?.value && 'value' in pair.value ? pair.value.value : undefined;
        if (!pair || value !== true) continue;
        report({
          range: pairRange(file.lines, pair),
          message: `${describeObject(object)} shares ${what}. Remove ${key}: true unless this is a node agent.`,
          data: { namespace: key },
        });
      }
    }
  },
};
