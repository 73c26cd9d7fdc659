import type { Rule } from '../../engine/types';
import { hasOption, optionValue } from './model/commands';
import { invocations } from './model/invocations';

/** UIDs above this make useradd's sparse /var/log/lastlog and faillog files large enough to bloat a layer. */
const LOG_SAFE_UID_DIGITS = 5;

export const useraddHighUid: Rule<'dockerfile'> = {
  id: 'dockerfile/useradd-high-uid',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'useradd with a high UID needs -l (--no-log-init), or the image grows by the size of a lastlog file for that UID.',
  },
  aliases: ['hadolint:DL3046'],
  check({ file, report }) {
    for (const { program, args, words } of invocations(file)) {
      if (program !== 'useradd' || hasOption(args, '-l', '--no-log-init')) continue;
      const uid = optionValue(args, '-u', '--uid') ?? bundledUid(args.map((arg) => arg.value ?? ''));
      if (uid === undefined || !/^\d+$/.test(uid) || uid.length <= LOG_SAFE_UID_DIGITS) continue;
      report({
        range: words[0].range,
        message: `useradd -u ${uid} without -l writes a /var/log/lastlog sized for UID ${uid} into the layer (sparse on disk, but not in the image): add -l (--no-log-init).`,
        data: { insertAt: words[0].end },
      });
    }
  },
};

/** `-u1000000`: the value glued to the short option. */
function bundledUid(values: readonly string[]): string | undefined {
  return values.find((value) => /^-u\d+$/.test(value))?.slice(2);
}
