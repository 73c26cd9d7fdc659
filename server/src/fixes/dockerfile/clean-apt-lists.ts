import type { Run } from 'dockerfile-ast';
import type { FixProvider } from '../types';
import { dockerfileOf, insertAt, instructionAt } from './edit-helpers';

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

/** Append the cleanup (apt lists, or the rule's `cleanup` command) to the RUN: after the last command, or as the last line of a heredoc script. */
export const cleanAptLists: FixProvider = {
  ruleIds: ['dockerfile/apt-clean-lists', 'dockerfile/clean-package-cache'],
  createFixes(finding, parsed) {
    const file = dockerfileOf(parsed);
    const end = finding.data?.appendAt;
    const cleanup = typeof finding.data?.cleanup === 'string' ? finding.data.cleanup : CLEANUP;
    if (!file || typeof end !== 'number') return [];
    if (finding.data?.heredoc) {
      const delimiter = (instructionAt(file, finding) as Run | undefined)?.getHeredocs().at(-1)?.getDelimiterRange();
      if (!delimiter) return [];
      return [
        {
          title: `Append ${cleanup}`,
          edits: [insertAt({ line: delimiter.start.line, character: 0 }, `${cleanup}\n`)],
          isPreferred: true,
          automatic: true,
        },
      ];
    }
    return [
      {
        title: `Append && ${cleanup}`,
        edits: [insertAt(file.lines.positionAt(end), ` \\\n && ${cleanup}`)],
        isPreferred: true,
        automatic: true,
      },
    ];
  },
};
