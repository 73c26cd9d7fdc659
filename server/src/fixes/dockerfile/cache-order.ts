import type { FixProvider } from '../types';
import { dockerfileOf, insertLinesBefore, wholeLines } from './edit-helpers';

/** Copy the manifests, install, then copy the rest: the install RUN moves above `COPY . .`. */
export const cacheOrder: FixProvider = {
  ruleIds: ['dockerfile/dependency-cache-order'],
  createFixes(finding, parsed) {
    const file = dockerfileOf(parsed);
    const data = finding.data;
    if (
      !file ||
      !data?.fixable ||
      typeof data.copyLine !== 'number' ||
      typeof data.runStart !== 'number' ||
      typeof data.runEnd !== 'number'
    )
      return [];
    const destination = String(data.destination ?? '.');
    const target =
      destination === '.' || destination === './' ? './' : destination.endsWith('/') ? destination : `${destination}/`;
    const runLines = Array.from({ length: data.runEnd - data.runStart + 1 }, (_, i) =>
      file.lines.lineText((data.runStart as number) + i),
    );
    return [
      {
        title: `Copy ${data.manifests} and install before copying everything`,
        edits: [
          insertLinesBefore(data.copyLine, [`COPY ${data.manifests} ${target}`, ...runLines]),
          { range: wholeLines(data.runStart, data.runEnd), newText: '' },
        ],
        isPreferred: true,
      },
    ];
  },
};
