import type { Range } from '../../engine/types';
import type { FixProvider } from '../types';

/** Replace the literal with `${VAR}`: Compose reads it from the shell or the `.env` file at run time. */
export const plaintextSecretFix: FixProvider = {
  ruleIds: ['compose/plaintext-secret'],
  createFixes(finding) {
    const { replacement, replaceRange } = (finding.data ?? {}) as { replacement?: string; replaceRange?: Range };
    if (!replacement || !replaceRange) return [];
    return [
      {
        title: `Use ${replacement.replace(/"/g, '')} interpolation`,
        edits: [{ range: replaceRange, newText: replacement }],
        isPreferred: true,
      },
    ];
  },
};
