import type { FixProvider } from '../types';
import { dockerfileOf, insertLinesBefore, instructionAt } from './edit-helpers';

export const pipefailShell: FixProvider = {
  ruleIds: ['dockerfile/pipefail'],
  createFixes(finding, parsed) {
    const file = dockerfileOf(parsed);
    const run = file && instructionAt(file, finding);
    if (!file || !run) return [];
    // Alpine has no bash by default; BusyBox ash supports pipefail.
    const shell =
      finding.data?.family === 'alpine'
        ? '["/bin/ash", "-eo", "pipefail", "-c"]'
        : '["/bin/bash", "-o", "pipefail", "-c"]';
    return [
      {
        title: `Insert SHELL ${shell}`,
        edits: [insertLinesBefore(run.getRange().start.line, [`SHELL ${shell}`])],
        isPreferred: true,
        // Which shell exists is a guess for images of no known family.
        automatic: finding.data?.family === 'alpine' || finding.data?.family === 'debian',
      },
    ];
  },
};
