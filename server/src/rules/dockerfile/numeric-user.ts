import type { Rule } from '../../engine/types';
import { dockerfileModel } from './model/stages';

export const numericUser: Rule<'dockerfile'> = {
  id: 'dockerfile/numeric-user',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  optIn: true,
  docs: {
    summary:
      'Opt-in: USER should be a numeric UID, so that Kubernetes runAsNonRoot and other host-side checks can tell the user is not root.',
  },
  aliases: ['hadolint:DL3066'],
  check({ file, report }) {
    for (const stage of dockerfileModel(file).stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'USER') continue;
        const argument = instruction.getArguments()[0];
        if (!argument) continue;
        const uid = argument.getValue().split(':')[0];
        // A variable's value is known only at build time.
        if (/^\d+$/.test(uid) || uid.includes('$')) continue;
        report({
          range: argument.getRange(),
          message: `USER ${uid} is a name: the kubelet cannot tell whether it is root, so a pod with runAsNonRoot refuses to start. Write its numeric UID (e.g. USER 10001).`,
        });
      }
    }
  },
};
