import type { Rule } from '../../engine/types';
import { copyInstructions } from './model/copies';

export const copyDestinationDir: Rule<'dockerfile'> = {
  id: 'dockerfile/copy-destination-dir',
  kind: 'dockerfile',
  defaultSeverity: 'error',
  docs: { summary: 'COPY or ADD with several sources needs a destination folder ending in /.' },
  aliases: ['hadolint:DL3021'],
  check({ file, report }) {
    for (const { keyword, sources, destination } of copyInstructions(file)) {
      if (!destination || sources.length < 2) continue;
      const target = destination.value.replace(/^["']|["']$/g, '');
      // A variable may expand to a path with a slash; Docker decides at build time.
      if (target.endsWith('/') || target.endsWith('\\') || target.includes('$')) continue;
      report({
        range: destination.range,
        message: `${keyword} with ${sources.length} sources fails unless its destination is a folder: write ${target}/.`,
        data: {
          replacement: withSlash(
            file.text.slice(file.lines.offsetAt(destination.range.start), file.lines.offsetAt(destination.range.end)),
          ),
        },
      });
    }
  },
};

/** The destination as written with a `/` added inside its quotes, if any. */
function withSlash(written: string): string {
  const quote = /^["']/.exec(written)?.[0];
  return quote && written.length > 1 && written.endsWith(quote) ? `${written.slice(0, -1)}/${quote}` : `${written}/`;
}
