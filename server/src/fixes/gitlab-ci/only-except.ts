import type { Range } from '../../engine/types';
import type { FixProvider } from '../types';

interface OnlyBranchesData {
  branches?: string[];
  replaceRange?: Range;
  indent?: number;
}

/** `only: [main, develop]` becomes one `rules:` entry per branch, which is what that list means for branch pipelines. */
export const onlyExceptFix: FixProvider = {
  ruleIds: ['gitlab-ci/only-except'],
  createFixes(finding) {
    const { branches, replaceRange, indent } = (finding.data ?? {}) as OnlyBranchesData;
    if (!branches || !replaceRange || indent === undefined) return [];
    const pad = ' '.repeat(indent + 2);
    const rules = branches.map((branch) => `${pad}- if: $CI_COMMIT_BRANCH == "${branch}"`).join('\n');
    return [
      {
        title: 'Rewrite only: as rules:',
        edits: [{ range: replaceRange, newText: `rules:\n${rules}` }],
        isPreferred: true,
      },
    ];
  },
};
