import type { Range } from '../../engine/types';
import { tagPlaceholderEdit } from '../../rules/shared/image-tag-check';
import type { FixProvider } from '../types';

export const imageTagFix: FixProvider = {
  ruleIds: ['compose/image-tag'],
  createFixes(finding) {
    const edit = tagPlaceholderEdit(finding.data as { tagRange?: Range });
    return edit ? [{ title: 'Pin a version tag', edits: [edit], snippet: true, isPreferred: true }] : [];
  },
};
