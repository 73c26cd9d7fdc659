import type { Rule } from '../../engine/types';
import { dockerfileModel } from './model/stages';

export const fromPlatform: Rule<'dockerfile'> = {
  id: 'dockerfile/from-platform',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'FROM --platform with a fixed platform builds the wrong image on other machines: leave it out, or use $BUILDPLATFORM / $TARGETPLATFORM.',
  },
  aliases: ['hadolint:DL3029'],
  check({ file, report }) {
    for (const { from } of dockerfileModel(file).stages) {
      const flag = from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || value === null || value === undefined) continue;
      // The build's own platforms (cross-compiling stages) are what the flag is for.
      if (/BUILDPLATFORM|TARGETPLATFORM/.test(value)) continue;
      report({
        range: flag.getRange(),
        message: `--platform=${value} pins this stage to one platform, whatever the build targets: drop it, or write --platform=$BUILDPLATFORM for a stage that cross-compiles.`,
      });
    }
  },
};
