/** Fixes that add one keyword to a job: `when: manual`, `interruptible: true`, `timeout:`. */
import type { ParsedFile } from '../../engine/types';
import { asMap, mapGet } from '../../engine/yaml/nav';
import type { FixProvider, QuickFix, TextEdit } from '../types';
import { insertIntoMap } from '../yaml-edits';

const ADDITIONS: Record<
  string,
  { title: string; line: string; snippet?: boolean; applies?: (data: Record<string, unknown>) => boolean }
> = {
  'gitlab-ci/manual-production': {
    title: 'Add when: manual',
    line: 'when: manual',
    applies: (data) => data.canAddWhen === true,
  },
  'gitlab-ci/interruptible': { title: 'Add interruptible: true', line: 'interruptible: true' },
  'gitlab-ci/job-timeout': { title: 'Add timeout:', line: 'timeout: ${1:30 minutes}', snippet: true },
};

export const addJobKeywordFix: FixProvider = {
  ruleIds: Object.keys(ADDITIONS),
  createFixes(finding, file) {
    const addition = ADDITIONS[finding.ruleId];
    const data = finding.data ?? {};
    if (!addition || typeof data.job !== 'string' || (addition.applies && !addition.applies(data))) return [];
    const edit = insertIntoJob(file, data.job, addition.line);
    if (!edit) return [];
    const fix: QuickFix = { title: addition.title, edits: [edit], isPreferred: true };
    if (addition.snippet) fix.snippet = true;
    else fix.automatic = true;
    return [fix];
  },
};

/** A new line before the job's first key, at that key's indentation; block mappings only. */
function insertIntoJob(file: ParsedFile, job: string, line: string): TextEdit | undefined {
  if (!('documents' in file)) return undefined;
  for (const document of file.documents) {
    const edit = insertIntoMap(file, asMap(mapGet(document.contents, job)), [line]);
    if (edit) return edit;
  }
  return undefined;
}
