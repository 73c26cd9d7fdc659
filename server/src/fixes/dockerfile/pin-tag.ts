import type { FixProvider } from '../types';
import { dockerfileOf, insertAt, replace, tokenText } from './edit-helpers';

/** Put the cursor on a tag placeholder: the user types the version they test with. */
export const pinTag: FixProvider = {
  ruleIds: ['dockerfile/pin-base-image'],
  createFixes(finding, parsed) {
    const file = dockerfileOf(parsed);
    if (!file) return [];
    const token = tokenText(file, finding.range);
    if (finding.data?.problem === 'latest' && token.toLowerCase() === 'latest') {
      return [
        {
          title: 'Pin a version tag instead of latest',
          edits: [replace(finding.range, '${1:tag}')],
          snippet: true,
          isPreferred: true,
        },
      ];
    }
    // Only a literal image name can take a tag; `${BASE}` is resolved elsewhere.
    if (finding.data?.problem === 'untagged' && !token.includes('$') && !token.includes('@')) {
      return [
        {
          title: 'Add a version tag',
          edits: [insertAt(finding.range.end, ':${1:tag}')],
          snippet: true,
          isPreferred: true,
        },
      ];
    }
    return [];
  },
};
