import type { Rule } from '../../engine/types';
import { dockerfileModel } from './model/stages';

/** Names that already mean something else where a stage name is read (`FROM scratch`, `COPY --from=context`). */
const RESERVED = new Set(['scratch', 'context']);

export const reservedStageName: Rule<'dockerfile'> = {
  id: 'dockerfile/reserved-stage-name',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'A stage must not be named scratch or context: those names already mean the empty image and a build context.',
  },
  aliases: ['hadolint:DL3063'],
  check({ file, report }) {
    for (const { from, name } of dockerfileModel(file).stages) {
      const range = from.getBuildStageRange();
      if (!name || !range || !RESERVED.has(name)) continue;
      report({
        range,
        message: `'${from.getBuildStage()}' is a reserved name (${name === 'scratch' ? 'FROM scratch is the empty image' : 'a named build context'}): choose another stage name.`,
      });
    }
  },
};
