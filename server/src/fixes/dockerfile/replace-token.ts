import type { FixProvider } from '../types';
import { dockerfileOf, replace, tokenText } from './edit-helpers';

/** Fixes that replace the reported token: ADD→COPY, install→ci, casing, ENV key=value, a COPY folder's `/`. */
export const replaceToken: FixProvider = {
  ruleIds: [
    'dockerfile/prefer-copy',
    'dockerfile/npm-ci',
    'dockerfile/casing',
    'dockerfile/legacy-env-format',
    'dockerfile/prefer-apt-get',
    'dockerfile/copy-destination-dir',
  ],
  createFixes(finding, parsed) {
    const file = dockerfileOf(parsed);
    if (!file) return [];
    const token = tokenText(file, finding.range);
    switch (finding.ruleId) {
      case 'dockerfile/prefer-copy':
        return [
          {
            title: 'Replace ADD with COPY',
            edits: [replace(finding.range, token === token.toLowerCase() ? 'copy' : 'COPY')],
            isPreferred: true,
            automatic: true,
          },
        ];
      case 'dockerfile/npm-ci':
        return [
          {
            title: `Replace npm ${token} with npm ci`,
            edits: [replace(finding.range, 'ci')],
            isPreferred: true,
            automatic: true,
          },
        ];
      default: {
        const replacement = finding.data?.replacement;
        if (typeof replacement !== 'string') return [];
        return [
          {
            title: `Write ${replacement}`,
            edits: [replace(finding.range, replacement)],
            isPreferred: true,
            automatic: true,
          },
        ];
      }
    }
  },
};
