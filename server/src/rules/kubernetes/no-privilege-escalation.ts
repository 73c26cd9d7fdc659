import { containerAnchor, pairRange } from './model/anchors';
import { containersOf, describeContainer } from './model/pod-spec';
import { containerSetting } from './model/security-context';
import type { Rule } from '../../engine/types';

export const noPrivilegeEscalation: Rule<'kubernetes'> = {
  id: 'kubernetes/no-privilege-escalation',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Containers should set allowPrivilegeEscalation: false so no process can gain more privileges than its parent.',
  },
  aliases: ['kube-linter:privilege-escalation-container', 'polaris:privilegeEscalationAllowed'],
  check({ file, report }) {
    for (const object of file.objects) {
      for (const ref of containersOf(object)) {
        const setting = containerSetting(ref, 'allowPrivilegeEscalation');
        if (setting?.value === false) continue;
        const who = describeContainer(ref);
        const data = { setting: 'allowPrivilegeEscalation' };
        if (setting) {
          report({
            range: pairRange(file.lines, setting.pair),
            message: `The ${who} allows privilege escalation: set allowPrivilegeEscalation: false.`,
            data,
          });
        } else {
          report({
            range: containerAnchor(file.lines, ref),
            message: `The ${who} does not forbid privilege escalation (setuid binaries): set securityContext.allowPrivilegeEscalation: false.`,
            data,
          });
        }
      }
    }
  },
};
