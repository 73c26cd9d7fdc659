import type { Rule } from '../../engine/types';
import { invocations } from './model/invocations';

export const useWorkdir: Rule<'dockerfile'> = {
  id: 'dockerfile/use-workdir',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'Change directory with WORKDIR, not cd in RUN.' },
  aliases: ['hadolint:DL3003', 'trivy:DS013'],
  check({ file, report }) {
    for (const { command, program, words } of invocations(file)) {
      // `(cd sub && make)` scopes the change on purpose: only a `cd` at the top of the script leaks.
      if (program !== 'cd' || command.nested || words.length < 2) continue;
      report({
        range: words[0].range,
        message: `cd only lasts for this RUN and hides the working directory from readers: use WORKDIR ${words[1].value ?? words[1].text} instead.`,
      });
    }
  },
};
