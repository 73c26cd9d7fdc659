import type { Rule } from '../../engine/types';
import { dockerfileModel } from './model/stages';

export const redundantPlatform: Rule<'dockerfile'> = {
  id: 'dockerfile/redundant-platform',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: { summary: 'FROM --platform=$TARGETPLATFORM is what FROM does anyway: leave the flag out.' },
  aliases: ['hadolint:DL3065'],
  check({ file, report }) {
    for (const { from } of dockerfileModel(file).stages) {
      const flag = from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}')) continue;
      report({
        range: flag.getRange(),
        message: 'A stage is built for the target platform by default: --platform=$TARGETPLATFORM can go.',
      });
    }
  },
};
