import { parseConfig } from '../../engine/config';
import type { Rule } from '../../engine/types';

export const config: Rule<'shipshape'> = {
  id: 'shipshape/config',
  kind: 'shipshape',
  defaultSeverity: 'error',
  docs: { summary: 'The .shipshape.yaml file has unknown rules, severities, options or keys.' },
  aliases: [],
  check({ file, registry, report }) {
    const { problems } = parseConfig(file.path, file.text, registry);
    for (const problem of problems) {
      report({
        message: problem.message,
        range: problem.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  },
};
