import type { Run } from 'dockerfile-ast';
import type { FixProvider } from '../types';
import { dockerfileOf, insertAt, instructionAt } from './edit-helpers';

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

/** Append the cleanup to the RUN: after the last command, or as the last line of a heredoc script. */
export const cleanAptLists: FixProvider = {
  ruleIds: ['dockerfile/apt-clean-lists'],
  createFixes(finding, parsed) {
    const file = dockerfileOf(parsed);
    const end = finding.data?.appendAt;
    if (!file || typeof end !== 'number') return [];
    if (finding.data?.heredoc) {
      const delimiter = (instructionAt(file, finding) as Run | undefined)?.getHeredocs().at(-1)?.getDelimiterRange();
      if (!delimiter) return [];
      return [
        {
          title: `Append ${CLEANUP}`,
          edits: [insertAt({ line: delimiter.start.line, character: 0 }, `${CLEANUP}\n`)],
          isPreferred: true,
          automatic: true,
        },
      ];
    }
    return [
      {
        title: `Append && ${CLEANUP}`,
        edits: [insertAt(file.lines.positionAt(end), ` \\\n && ${CLEANUP}`)],
        isPreferred: true,
        automatic: true,
      },
    ];
  },
};
