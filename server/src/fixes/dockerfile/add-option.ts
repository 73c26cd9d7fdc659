import type { FixProvider } from '../types';
import { dockerfileOf, insertAt } from './edit-helpers';

const FLAGS: Record<string, string> = {
  'dockerfile/apt-no-install-recommends': '--no-install-recommends',
  'dockerfile/apk-no-cache': '--no-cache',
  'dockerfile/pip-no-cache-dir': '--no-cache-dir',
  'dockerfile/non-interactive': '-y',
  'dockerfile/useradd-high-uid': '-l',
};

/** Insert the missing option right after the subcommand (`install`, `add`) or the program (`useradd`). */
export const addOption: FixProvider = {
  ruleIds: Object.keys(FLAGS),
  createFixes(finding, parsed) {
    const file = dockerfileOf(parsed);
    const offset = finding.data?.insertAt;
    if (!file || typeof offset !== 'number') return [];
    const flag = FLAGS[finding.ruleId];
    return [
      {
        title: `Add ${flag}`,
        edits: [insertAt(file.lines.positionAt(offset), ` ${flag}`)],
        isPreferred: true,
        automatic: true,
      },
    ];
  },
};
