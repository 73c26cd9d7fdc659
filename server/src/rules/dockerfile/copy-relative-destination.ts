import type { Rule } from '../../engine/types';
import { copyInstructions } from './model/copies';
import { lineage } from './model/stages';

export const copyRelativeDestination: Rule<'dockerfile'> = {
  id: 'dockerfile/copy-relative-destination',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    summary:
      'COPY to a relative path before any WORKDIR lands wherever the base image’s WORKDIR points: set WORKDIR, or copy to an absolute path.',
  },
  aliases: ['hadolint:DL3045'],
  check({ file, report }) {
    for (const { instruction, keyword, destination, stage } of copyInstructions(file)) {
      if (keyword !== 'COPY' || !destination) continue;
      const target = destination.value.replace(/^["']|["']$/g, '');
      if (target.startsWith('/') || target.startsWith('$') || /^[a-zA-Z]:/.test(target) || target.startsWith('\\'))
        continue;
      const line = instruction.getRange().start.line;
      // A WORKDIR earlier in this stage, or anywhere in a stage it builds on, fixes what the path is relative to.
      const workdirSet = lineage(stage).some((s) =>
        s.instructions.some(
          (other) => other.getKeyword() === 'WORKDIR' && (s !== stage || other.getRange().start.line < line),
        ),
      );
      if (workdirSet) continue;
      report({
        range: destination.range,
        message: `${target} is relative to the base image’s WORKDIR (often /, but any the image sets): add WORKDIR before this COPY, or write an absolute destination.`,
      });
    }
  },
};
