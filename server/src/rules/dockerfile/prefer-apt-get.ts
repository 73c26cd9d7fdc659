import type { Rule } from '../../engine/types';
import { APT_VALUE_OPTIONS, subcommand } from './model/commands';
import { invocations } from './model/invocations';

/** apt subcommands that apt-get has with the same meaning: replacing the word is safe. */
const SAME_IN_APT_GET = new Set(['install', 'update', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'source']);

export const preferAptGet: Rule<'dockerfile'> = {
  id: 'dockerfile/prefer-apt-get',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Scripts should use apt-get and apt-cache, not apt: apt is for people at a terminal and its output may change.',
  },
  aliases: ['hadolint:DL3027'],
  check({ file, report }) {
    for (const { program, args, words } of invocations(file)) {
      if (program !== 'apt') continue;
      const action = subcommand(args, APT_VALUE_OPTIONS)?.value;
      const word = words[0];
      const fixable = action !== undefined && SAME_IN_APT_GET.has(action) && word.value === 'apt';
      report({
        range: word.range,
        message:
          'apt is meant for interactive use ("apt does not have a stable CLI interface", it warns): use apt-get (or apt-cache to search and show).',
        data: fixable ? { replacement: 'apt-get' } : undefined,
      });
    }
  },
};
