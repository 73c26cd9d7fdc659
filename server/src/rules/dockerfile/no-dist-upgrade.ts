import type { Rule } from '../../engine/types';
import { subcommand } from './model/commands';
import { invocations } from './model/invocations';

export const noDistUpgrade: Rule<'dockerfile'> = {
  id: 'dockerfile/no-dist-upgrade',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'zypper dist-upgrade in RUN moves the image to another distribution release: use a newer base image instead.',
  },
  aliases: ['hadolint:DL3035'],
  check({ file, report }) {
    for (const { program, args } of invocations(file)) {
      if (program !== 'zypper') continue;
      const verb = subcommand(
        args,
        new Set(['-R', '--root', '-r', '--repo', '-D', '--reposd-dir', '-C', '--cache-dir']),
      );
      if (verb?.value !== 'dist-upgrade' && verb?.value !== 'dup') continue;
      report({
        range: verb.range,
        message:
          'zypper dist-upgrade replaces the base image’s distribution release inside a layer, so the tag no longer says what the image runs: pick a newer base image, or use zypper update / patch.',
      });
    }
  },
};
