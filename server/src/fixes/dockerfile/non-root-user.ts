import type { FixProvider } from '../types';
import { dockerfileOf, insertLinesBefore } from './edit-helpers';

/** The user-creation line differs: Debian/Ubuntu ship `useradd`, Alpine's BusyBox has `adduser -D`. */
const CREATE_USER: Record<string, string> = {
  debian: 'RUN useradd --create-home --uid 10001 ${1:app}',
  alpine: 'RUN adduser -D -u 10001 ${1:app}',
};

export const addNonRootUser: FixProvider = {
  ruleIds: ['dockerfile/non-root-user'],
  createFixes(finding, parsed) {
    const file = dockerfileOf(parsed);
    if (!file) return [];
    const family = String(finding.data?.family ?? 'other');
    const before =
      typeof finding.data?.insertBefore === 'number'
        ? finding.data.insertBefore
        : file.lines.lineCount - (file.text.endsWith('\n') ? 1 : 0);
    const lines = [...(CREATE_USER[family] ? [CREATE_USER[family]] : []), 'USER ${1:app}'];
    const title = CREATE_USER[family]
      ? 'Create a non-root user and switch to it with USER'
      : 'Switch to a non-root USER';
    return [{ title, edits: [insertLinesBefore(before, lines)], snippet: true, isPreferred: true }];
  },
};
