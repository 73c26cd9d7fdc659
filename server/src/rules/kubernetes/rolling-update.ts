import { describeObject } from './model/pod-spec';
import type { Rule } from '../../engine/types';
import { getIn, nodeRange, scalarString } from '../../engine/yaml/nav';

export const rollingUpdate: Rule<'kubernetes'> = {
  id: 'kubernetes/rolling-update',
  kind: 'kubernetes',
  defaultSeverity: 'info',
  docs: { summary: 'A zero-downtime rolling update keeps every replica serving: maxUnavailable 0 with a surge.' },
  aliases: [],
  check({ file, report }) {
    for (const object of file.objects) {
      if (object.kind !== 'Deployment') continue;
      const node = getIn(object.node, ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']);
      const value = scalarString(node)?.trim();
      const range = nodeRange(file.lines, node);
      if (value === undefined || !range || /^0+%?$/.test(value)) continue;
      report({
        range,
        message: `${describeObject(object)} may take ${value} of its pods down during a rollout: set maxUnavailable: 0 and maxSurge to 1 or more.`,
        data: { maxUnavailable: value },
      });
    }
  },
};
