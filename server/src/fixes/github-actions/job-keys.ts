import type { FixProvider } from '../types';
import { insertIntoMap } from './yaml-edits';
import { asGitHubActions, jobOf } from './locate';

/** Keys the job-level rules ask for, with a placeholder value the user adjusts. */
const KEYS: Record<string, { key: string; placeholder: string; title: string }> = {
  'github-actions/job-timeout': { key: 'timeout-minutes', placeholder: '30', title: 'Add timeout-minutes to the job' },
  'github-actions/deploy-environment': {
    key: 'environment',
    placeholder: 'production',
    title: 'Add an environment to the job',
  },
};

export const jobKeyFixes: FixProvider = {
  ruleIds: Object.keys(KEYS),
  createFixes(finding, parsed) {
    const file = asGitHubActions(parsed);
    const spec = KEYS[finding.ruleId];
    const job = file && spec && jobOf(file, finding);
    const edit = file && job && insertIntoMap(file, job.job, [`${spec.key}: \${1:${spec.placeholder}}`]);
    return edit ? [{ title: spec.title, edits: [edit], snippet: true, isPreferred: true }] : [];
  },
};
