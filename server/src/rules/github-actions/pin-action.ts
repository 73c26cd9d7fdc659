import type { Rule } from '../../engine/types';
import { usesSites } from './model/uses-sites';

const FIRST_PARTY = /^(actions|github)\//;
const FULL_SHA = /^[0-9a-f]{40}$/;
const BRANCH = /^(main|master|dev|develop|trunk|latest|HEAD)$/i;

export const pinAction: Rule<'github-actions', { pinFirstParty: boolean }> = {
  id: 'github-actions/pin-action',
  kind: 'github-actions',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Actions and reusable workflows should be pinned to a full commit SHA, since tags and branches can be moved to other code.',
  },
  aliases: ['zizmor:unpinned-uses', 'scorecard:Pinned-Dependencies'],
  defaultOptions: { pinFirstParty: false },
  optionsSchema: { type: 'object', properties: { pinFirstParty: { type: 'boolean' } }, additionalProperties: false },
  check({ file, options, report }) {
    for (const { uses } of usesSites(file)) {
      if (uses.kind === 'local') continue;
      if (uses.kind === 'docker') {
        if (!uses.name.includes('@sha256:') && !uses.written.includes('${{')) {
          report({
            range: uses.valueRange,
            message: `Container image ${uses.name} is not pinned by digest: add @sha256:… so the step always runs the same image.`,
            data: { uses: uses.written },
          });
        }
        continue;
      }
      if (FULL_SHA.test(uses.ref) || uses.ref === '' || uses.written.includes('${{')) continue;
      const range = uses.refRange ?? uses.valueRange;
      if (BRANCH.test(uses.ref)) {
        report({
          range,
          severity: 'warning',
          message: `${uses.name}@${uses.ref} follows a branch: every push to it changes the code your workflow runs. Pin a full commit SHA (with the version in a comment).`,
          data: { uses: uses.written },
        });
      } else if (FIRST_PARTY.test(uses.name) && !options.pinFirstParty) {
        report({
          range,
          severity: 'info',
          message: `${uses.name}@${uses.ref} is a tag, which its owner can move. GitHub-owned actions are lower risk, but a full commit SHA makes the run repeatable.`,
          data: { uses: uses.written },
        });
      } else {
        report({
          range,
          message: `${uses.name}@${uses.ref} is a tag, which can be moved to other code (as in the tj-actions/changed-files compromise). Pin a full commit SHA and keep the version in a comment.`,
          data: { uses: uses.written },
        });
      }
    }
  },
};
