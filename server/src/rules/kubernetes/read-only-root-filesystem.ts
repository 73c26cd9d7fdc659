import { containerAnchor, pairRange } from './model/anchors';
import { containersOf, describeContainer } from './model/pod-spec';
import { containerSetting } from './model/security-context';
import type { Rule } from '../../engine/types';

export const readOnlyRootFilesystem: Rule<'kubernetes'> = {
  id: 'kubernetes/read-only-root-filesystem',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: 'Containers should run with a read-only root filesystem and write only to declared volumes.' },
  aliases: [
    'kube-linter:no-read-only-root-fs',
    'polaris:notReadOnlyRootFilesystem',
    'kube-score:container-security-context-readonlyrootfilesystem',
  ],
  check({ file, report }) {
    for (const object of file.objects) {
      for (const ref of containersOf(object)) {
        const setting = containerSetting(ref, 'readOnlyRootFilesystem');
        if (setting?.value === true) continue;
        const who = describeContainer(ref);
        const data = { setting: 'readOnlyRootFilesystem' };
        if (setting) {
          report({
            range: pairRange(file.lines, setting.pair),
            message: `The ${who} has a writable root filesystem: set readOnlyRootFilesystem: true and mount an emptyDir where it writes.`,
            data,
          });
        } else {
          report({
            range: containerAnchor(file.lines, ref),
            message: `The ${who} has a writable root filesystem: set securityContext.readOnlyRootFilesystem: true.`,
            data,
          });
        }
      }
    }
  },
};
