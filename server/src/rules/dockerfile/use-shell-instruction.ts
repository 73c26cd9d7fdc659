import type { Rule } from '../../engine/types';
import { invocations } from './model/invocations';

const SH = new Set(['/bin/sh', '/usr/bin/sh']);

export const useShellInstruction: Rule<'dockerfile'> = {
  id: 'dockerfile/use-shell-instruction',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Change the shell of RUN with the SHELL instruction, not by linking /bin/sh to another shell.',
  },
  aliases: ['hadolint:DL4005'],
  check({ file, report }) {
    for (const { program, args } of invocations(file)) {
      if (program !== 'ln') continue;
      // The link name is the last operand: `ln -sf /bin/bash /bin/sh` replaces sh for everything in the image.
      const operands = args.filter((arg) => !arg.value?.startsWith('-'));
      const link = operands[operands.length - 1];
      if (operands.length < 2 || !link?.value || !SH.has(link.value)) continue;
      report({
        range: link.range,
        message:
          'Replacing /bin/sh changes the shell of every script in the image, not just of RUN: use SHELL ["/bin/bash", "-c"] for the build instead.',
      });
    }
  },
};
