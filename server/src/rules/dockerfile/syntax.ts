import type { Onbuild } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import { KNOWN_INSTRUCTIONS } from './model/instructions';
import { checkFlags, checkJsonForm, checkOnbuildTrigger, checkStages } from './syntax/checks';

export const syntax: Rule<'dockerfile'> = {
  id: 'dockerfile/syntax',
  kind: 'dockerfile',
  defaultSeverity: 'error',
  docs: {
    summary:
      'Instructions Docker cannot build: unknown keywords, missing arguments, instructions before the first FROM, bad flags, broken JSON forms, forbidden ONBUILD triggers and stage references.',
  },
  aliases: [
    'checkov:CKV_DOCKER_11',
    'trivy:DS012',
    'trivy:DS006',
    'hadolint:DL3022',
    'hadolint:DL3023',
    'hadolint:DL3024',
    'hadolint:DL3043',
    'hadolint:DL3061',
  ],
  templates: 'skip',
  check({ file, report }) {
    const instructions = file.dockerfile.getInstructions();
    let seenFrom = false;
    for (const instruction of instructions) {
      const keyword = instruction.getKeyword();
      const range = instruction.getInstructionRange();
      if (!KNOWN_INSTRUCTIONS.has(keyword)) {
        report({ range, message: `Unknown instruction '${instruction.getInstruction()}'.` });
        continue;
      }
      if (instruction.getArguments().length === 0) {
        report({ range, message: `${keyword} needs arguments.` });
      } else {
        checkFlags(instruction, report);
        checkJsonForm(instruction, report);
        if (keyword === 'ONBUILD') checkOnbuildTrigger(instruction as Onbuild, report);
      }
      if (keyword === 'FROM') seenFrom = true;
      else if (!seenFrom && keyword !== 'ARG') {
        report({ range, message: `${keyword} before the first FROM: only ARG may come before FROM.` });
      }
    }
    if (!seenFrom && instructions.length > 0) {
      report({ range: instructions[0].getInstructionRange(), message: 'This Dockerfile has no FROM instruction.' });
    }
    checkStages(file, report);
  },
};
