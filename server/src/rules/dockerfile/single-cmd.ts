import type { Rule } from '../../engine/types';
import { dockerfileModel } from './model/stages';

const ONCE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

export const singleCmd: Rule<'dockerfile'> = {
  id: 'dockerfile/single-cmd',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A stage should have at most one CMD, one ENTRYPOINT and one HEALTHCHECK: only the last one takes effect.',
  },
  aliases: [
    'hadolint:DL4003',
    'hadolint:DL4004',
    'hadolint:DL3012',
    'trivy:DS007',
    'trivy:DS016',
    'trivy:DS023',
    'buildkit:MultipleInstructionsDisallowed',
  ],
  check({ file, report }) {
    for (const stage of dockerfileModel(file).stages) {
      for (const keyword of ONCE) {
        const found = stage.instructions.filter((i) => i.getKeyword() === keyword);
        for (const later of found.slice(1)) {
          report({
            range: later.getInstructionRange(),
            message: `Another ${keyword} in this stage (line ${found[0].getRange().start.line + 1}): only the last ${keyword} takes effect, so the earlier one is dead code. Keep one.`,
          });
        }
      }
    }
  },
};
