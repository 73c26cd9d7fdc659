import type { Rule } from '../../engine/types';
import { copyInstructions } from './model/copies';

const unquoted = (path: string) => path.replace(/^["']|["']$/g, '');

export const copyWholeFilesystem: Rule<'dockerfile'> = {
  id: 'dockerfile/copy-whole-filesystem',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'COPY --from=<stage> / / copies a whole filesystem over this one: copy the files you need.' },
  aliases: ['hadolint:DL3067'],
  check({ file, report }) {
    for (const { keyword, from, sources, destination, stage } of copyInstructions(file)) {
      if (keyword !== 'COPY' || from === undefined || !destination || unquoted(destination.value) !== '/') continue;
      // Onto `FROM scratch` there is nothing to overwrite: that is how images are squashed into one layer.
      if (!stage.parent && (stage.image ?? stage.from.getImage())?.toLowerCase() === 'scratch') continue;
      const root = sources.find((source) => unquoted(source.value) === '/');
      if (!root) continue;
      report({
        range: root.range,
        message: `Copying / of ${from} over / replaces this image's system files (package database, /etc) with the other one's: copy only the paths you need.`,
      });
    }
  },
};
