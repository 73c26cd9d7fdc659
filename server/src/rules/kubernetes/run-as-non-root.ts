import { containerAnchor, pairRange } from './model/anchors';
import { containersOf, describeContainer } from './model/pod-spec';
import { effectiveSetting } from './model/security-context';
import type { Rule } from '../../engine/types';

export const runAsNonRoot: Rule<'kubernetes'> = {
  id: 'kubernetes/run-as-non-root',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: 'Containers should be required to run as a non-root user and group.' },
  aliases: [
    'kube-linter:run-as-non-root',
    'polaris:runAsRootAllowed',
    'kube-score:container-security-context-user-group-id',
  ],
  check({ file, report }) {
    for (const object of file.objects) {
      for (const ref of containersOf(object)) {
        const who = describeContainer(ref);
        const nonRoot = effectiveSetting(ref, 'runAsNonRoot');
        const user = effectiveSetting(ref, 'runAsUser');
        const group = effectiveSetting(ref, 'runAsGroup');
        const data = { setting: 'runAsNonRoot' };
        if (user && user.value === 0) {
          report({
            range: pairRange(file.lines, user.pair),
            message: `The ${who} runs as root (runAsUser: 0): use a non-zero user id.`,
          });
        } else if (nonRoot && nonRoot.value === false && !(typeof user?.value === 'number' && user.value > 0)) {
          report({
            range: pairRange(file.lines, nonRoot.pair),
            message: `The ${who} may run as root: set runAsNonRoot: true or a non-zero runAsUser.`,
            data,
          });
        } else if (nonRoot?.value !== true && !(typeof user?.value === 'number' && user.value > 0)) {
          report({
            range: containerAnchor(file.lines, ref),
            message: `The ${who} is not required to run as non-root: set securityContext.runAsNonRoot: true.`,
            data,
          });
        }
        if (group && group.value === 0) {
          report({
            range: pairRange(file.lines, group.pair),
            message: `The ${who} runs with the root group (runAsGroup: 0): use a non-zero group id.`,
          });
        }
      }
    }
  },
};
