import type { Rule } from '../../engine/types';
import { aptInvocations, cleansLists } from './model/apt';
import { mountsOver } from './model/invocations';
import { dockerfileModel } from './model/stages';

export const aptCleanLists: Rule<'dockerfile'> = {
  id: 'dockerfile/apt-clean-lists',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'A RUN that runs apt-get update should end with rm -rf /var/lib/apt/lists/*, or the package lists stay in the image.',
  },
  aliases: ['hadolint:DL3009'],
  check({ file, report }) {
    const { shippedStages } = dockerfileModel(file);
    for (const { script, stage, action } of aptInvocations(file)) {
      // Lists left in a build stage never reach the final image.
      if (!shippedStages.has(stage) || action.value !== 'update') continue;
      if (cleansLists(script) || mountsOver(script, '/var/lib/apt/lists', '/var/lib/apt')) continue;
      report({
        range: action.range,
        message:
          'The package lists fetched by apt-get update stay in this layer (tens of MB): end the RUN with && rm -rf /var/lib/apt/lists/*.',
        data: { appendAt: script.end, heredoc: script.run.getHeredocs().length > 0 },
      });
    }
  },
};
