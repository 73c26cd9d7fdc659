import type { Rule } from '../../engine/types';
import { APK_VALUE_OPTIONS, subcommand } from './model/commands';
import { invocations, mountsOver, removesPath } from './model/invocations';
import { dockerfileModel } from './model/stages';

export const apkNoCache: Rule<'dockerfile'> = {
  id: 'dockerfile/apk-no-cache',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'apk add should use --no-cache, so the package index does not stay in the image.' },
  aliases: ['hadolint:DL3019', 'trivy:DS025'],
  check({ file, report }) {
    const { shippedStages } = dockerfileModel(file);
    for (const { program, args, script, stage } of invocations(file)) {
      if (program !== 'apk' || !shippedStages.has(stage)) continue;
      const action = subcommand(args, APK_VALUE_OPTIONS);
      // --no-network reads only the index already there (or local files): it fetches and keeps nothing.
      if (action?.value !== 'add' || args.some((arg) => arg.value === '--no-cache' || arg.value === '--no-network'))
        continue;
      if (mountsOver(script, '/var/cache/apk', '/etc/apk/cache') || removesPath(script, /^\/var\/cache\/apk(\/\*?)?$/))
        continue;
      report({
        range: action.range,
        message: 'apk add keeps the package index in /var/cache/apk: use apk add --no-cache.',
        data: { insertAt: action.end, flag: '--no-cache' },
      });
    }
  },
};
