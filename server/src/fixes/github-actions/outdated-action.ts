import type { FixProvider } from '../types';

export const outdatedActionFix: FixProvider = {
  ruleIds: ['github-actions/outdated-action'],
  createFixes(finding) {
    const current = finding.data?.current;
    if (typeof current !== 'string') return [];
    return [
      {
        title: `Bump to ${current}`,
        edits: [{ range: finding.range, newText: current }],
        isPreferred: true,
        automatic: true,
      },
    ];
  },
};
