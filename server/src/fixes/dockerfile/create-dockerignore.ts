import entries from '../../rules/dockerfile/data/dockerignore-entries.json';
import type { FixProvider } from '../types';

export const createDockerignore: FixProvider = {
  ruleIds: ['dockerfile/dockerignore'],
  createFixes(finding) {
    const path = finding.data?.path;
    if (typeof path !== 'string') return [];
    return [
      {
        title: 'Create a .dockerignore',
        edits: [],
        createFiles: [{ path, text: `${entries.entries.join('\n')}\n` }],
        isPreferred: true,
      },
    ];
  },
};
