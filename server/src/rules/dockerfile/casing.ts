import type { Rule } from '../../engine/types';
import { dockerfileModel } from './model/stages';

export const casing: Rule<'dockerfile'> = {
  id: 'dockerfile/casing',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    summary:
      'Instruction keywords, AS and stage names should be cased consistently: keywords and AS in one case, stage names in lower case.',
  },
  aliases: ['buildkit:FromAsCasing', 'buildkit:ConsistentInstructionCasing', 'buildkit:StageNameCasing'],
  check({ file, report }) {
    const model = dockerfileModel(file);
    const instructions = file.dockerfile.getInstructions();
    const written = instructions.map((i) => i.getInstruction()).filter((word) => /[a-z]/i.test(word));
    const upper = written.filter((w) => w === w.toUpperCase()).length;
    const lower = written.filter((w) => w === w.toLowerCase()).length;
    // The majority sets the style, as BuildKit's ConsistentInstructionCasing does.
    const style = lower > upper ? 'lower' : 'upper';
    for (const instruction of instructions) {
      const word = instruction.getInstruction();
      const expected = style === 'upper' ? word.toUpperCase() : word.toLowerCase();
      if (word !== expected) {
        report({
          range: instruction.getInstructionRange(),
          message: `'${word}' does not match the ${style}-case keywords of this file: write ${expected}.`,
          data: { replacement: expected },
        });
      }
    }
    for (const stage of model.stages) {
      const args = stage.from.getArguments();
      const as = args.find((arg, i) => i > 0 && arg.getValue().toLowerCase() === 'as');
      const keyword = stage.from.getInstruction();
      if (as) {
        const expected = keyword === keyword.toLowerCase() ? 'as' : 'AS';
        if (as.getValue() !== expected) {
          report({
            range: as.getRange(),
            message: `'${as.getValue()}' does not match the casing of '${keyword}': write ${expected}.`,
            data: { replacement: expected },
          });
        }
      }
      const nameRange = stage.from.getBuildStageRange();
      const name = stage.from.getBuildStage();
      if (nameRange && name && name !== name.toLowerCase()) {
        report({
          range: nameRange,
          message: `Stage name '${name}' should be lower case (${name.toLowerCase()}): stage names are case-insensitive, and mixed case invites mismatches.`,
          data: { replacement: name.toLowerCase() },
        });
      }
    }
  },
};
