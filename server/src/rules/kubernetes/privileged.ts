import { pairRange } from './model/anchors';
import { containersOf, describeContainer } from './model/pod-spec';
import { containerSetting } from './model/security-context';
import type { Rule } from '../../engine/types';

export const privileged: Rule<'kubernetes'> = {
  id: 'kubernetes/privileged',
  kind: 'kubernetes',
  defaultSeverity: 'error',
  docs: { summary: 'Privileged containers have every capability and the host devices: they are root on the node.' },
  aliases: [
    'kube-linter:privileged-container',
    'polaris:runAsPrivileged',
    'kube-score:container-security-context-privileged',
  ],
  check({ file, report }) {
    for (const object of file.objects) {
      for (const ref of containersOf(object)) {
        const setting = containerSetting(ref, 'privileged');
        if (setting?.value !== true) continue;
        report({
          range: pairRange(file.lines, setting.pair),
          message: `The ${describeContainer(ref)} is privileged: remove privileged: true and add only the capabilities it needs.`,
        });
      }
    }
  },
};
