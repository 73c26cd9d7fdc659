import type { Rule } from '../../engine/types';
import { optionValue } from './model/commands';
import { aptInvocations } from './model/apt';

export const aptNoInstallRecommends: Rule<'dockerfile'> = {
  id: 'dockerfile/apt-no-install-recommends',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary: 'apt-get install should use --no-install-recommends, so only the packages asked for are installed.',
  },
  aliases: ['hadolint:DL3015', 'trivy:DS029'],
  check({ file, report }) {
    // An apt config written by an earlier RUN (`APT::Install-Recommends "false";`) already turns recommends off.
    if (/APT::Install-Recommends\s+\\?"?(false|0)/i.test(file.text)) return;
    for (const { action, args } of aptInvocations(file)) {
      if (action.value !== 'install') continue;
      if (args.some((arg) => arg.value === '--no-install-recommends')) continue;
      if (/Install-Recommends=(false|0)/i.test(optionValue(args, '-o', '--option') ?? '')) continue;
      report({
        range: action.range,
        message:
          'apt-get install without --no-install-recommends also installs recommended packages: add --no-install-recommends to keep the image small.',
        data: { insertAt: action.end },
      });
    }
  },
};
