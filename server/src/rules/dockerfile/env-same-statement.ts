import type { Env } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import { variableUses } from './model/variables';

export const envSameStatement: Rule<'dockerfile'> = {
  id: 'dockerfile/env-same-statement',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'ENV A=1 B=$A does not see the A it sets: Docker expands every value with the variables from before the ENV line.',
  },
  aliases: ['hadolint:DL3044'],
  check({ file, report }) {
    // Names set by an earlier ARG or ENV: a reference to those reads the earlier value, which may be the intent.
    const known = new Set<string>();
    const escape = file.dockerfile.getEscapeCharacter();
    for (const instruction of file.dockerfile.getInstructions()) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      const properties = (instruction as Env).getProperties();
      if (keyword === 'ENV') {
        const names = new Set(properties.map((property) => property.getName()));
        for (const [index, property] of properties.entries()) {
          const valueRange = property.getValueRange();
          if (!valueRange) continue;
          // As written: the parsed value has its escapes removed, and `\$A` is a literal dollar.
          const value = file.text.slice(file.lines.offsetAt(valueRange.start), file.lines.offsetAt(valueRange.end));
          // Single quotes keep a dollar literal.
          if (value.startsWith("'")) continue;
          for (const use of variableUses(value, escape)) {
            const definedHere = properties.some((other, i) => i !== index && other.getName() === use.name);
            if (!names.has(use.name) || !definedHere || known.has(use.name)) continue;
            report({
              range: valueRange,
              message: `${use.name} is set in this same ENV, but Docker expands $${use.name} with its value from before this line (here: unset): split it into two ENV instructions.`,
            });
            break;
          }
        }
      }
      for (const property of properties) known.add(property.getName());
    }
  },
};
