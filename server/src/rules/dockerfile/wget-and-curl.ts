import type { Rule } from '../../engine/types';
import { invocations } from './model/invocations';
import type { Stage } from './model/stages';

const DOWNLOADERS = new Set(['curl', 'wget']);

export const wgetAndCurl: Rule<'dockerfile'> = {
  id: 'dockerfile/wget-and-curl',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: { summary: 'A stage should download with either wget or curl, not both: one tool is enough in the image.' },
  aliases: ['hadolint:DL4001'],
  check({ file, report }) {
    // Per stage, the first use of each tool; every use of the other tool after both appeared is reported.
    const firstUse = new Map<Stage, Map<string, number>>();
    for (const { program, words, stage } of invocations(file)) {
      if (!DOWNLOADERS.has(program)) continue;
      const seen = firstUse.get(stage) ?? new Map<string, number>();
      firstUse.set(stage, seen);
      if (!seen.has(program)) seen.set(program, words[0].range.start.line + 1);
      const other = program === 'curl' ? 'wget' : 'curl';
      const otherLine = seen.get(other);
      if (otherLine === undefined) continue;
      report({
        range: words[0].range,
        message: `This stage also uses ${other} (line ${otherLine}): download with one of them and install only that one.`,
      });
    }
  },
};
