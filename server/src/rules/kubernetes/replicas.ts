import { describeObject } from './model/pod-spec';
import type { Rule } from '../../engine/types';
import { getIn, nodeRange, scalarString } from '../../engine/yaml/nav';

export const replicas: Rule<'kubernetes'> = {
  id: 'kubernetes/replicas',
  kind: 'kubernetes',
  defaultSeverity: 'info',
  docs: { summary: 'A Deployment with one replica goes down whenever its pod is evicted, rescheduled or crashes.' },
  aliases: ['polaris:deploymentMissingReplicas', 'kube-score:deployment-replicas'],
  check({ file, report }) {
    for (const object of file.objects) {
      if (object.kind !== 'Deployment') continue;
      const node = getIn(object.node, ['spec', 'replicas']);
      const range = nodeRange(file.lines, node);
      if (scalarString(node) !== '1' || !range) continue;
      report({
        range,
        message: `${describeObject(object)} runs a single replica: use at least 2 so one pod can be lost without downtime.`,
      });
    }
  },
};
