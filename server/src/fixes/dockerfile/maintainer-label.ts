import type { FixProvider } from '../types';
import { dockerfileOf, instructionAt, replace } from './edit-helpers';

export const maintainerLabel: FixProvider = {
  ruleIds: ['dockerfile/deprecated-maintainer'],
  createFixes(finding, parsed) {
    const file = dockerfileOf(parsed);
    const instruction = file && instructionAt(file, finding);
    if (!instruction) return [];
    const authors = String(finding.data?.authors ?? '')
      .trim()
      .replace(/^"|"$/g, '')
      .replace(/(["\\])/g, '\\$1');
    return [
      {
        title: 'Replace with LABEL org.opencontainers.image.authors',
        edits: [replace(instruction.getRange(), `LABEL org.opencontainers.image.authors="${authors}"`)],
        isPreferred: true,
        automatic: true,
      },
    ];
  },
};
