import type { FixProvider } from '../types';

/** `kubernetes/schema` found an unknown field close to a known one: rename the key in place. */
export const renameFieldFix: FixProvider = {
  ruleIds: ['kubernetes/schema'],
  createFixes(finding, file) {
    const field = finding.data?.field;
    const suggestion = finding.data?.suggestion;
    if (typeof field !== 'string' || typeof suggestion !== 'string') return [];
    const { start, end } = finding.range;
    if (start.line !== end.line || file.lines.lineText(start.line).slice(start.character, end.character) !== field)
      return [];
    return [
      {
        title: `Rename '${field}' to '${suggestion}'`,
        edits: [{ range: finding.range, newText: suggestion }],
        isPreferred: true,
      },
    ];
  },
};
