import type { Env } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import { dockerfileModel } from './model/stages';

export const legacyEnvFormat: Rule<'dockerfile'> = {
  id: 'dockerfile/legacy-env-format',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: { summary: 'Write ENV key=value: the legacy ENV key value form is ambiguous and deprecated.' },
  aliases: ['buildkit:LegacyKeyValueFormat'],
  check({ file, report }) {
    for (const stage of dockerfileModel(file).stages) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'ENV') continue;
        const properties = (instruction as Env).getProperties();
        if (properties.length !== 1 || properties[0].getAssignmentOperator() !== null) continue;
        const property = properties[0];
        const value = property.getValue();
        if (value === null) continue;
        report({
          range: property.getRange(),
          message: `ENV ${property.getName()} ${value} uses the legacy space form: write ENV ${property.getName()}=${quoteIfNeeded(value)}.`,
          data: { replacement: `${property.getName()}=${quoteIfNeeded(value)}` },
        });
      }
    }
  },
};

function quoteIfNeeded(value: string): string {
  return /\s/.test(value) && !/^["'].*["']$/.test(value) ? `"${value.replace(/(["\\])/g, '\\$1')}"` : value;
}
