import type { FixProvider } from '../types';
import { addStepInput } from './yaml-edits';
import { asGitHubActions, stepOf } from './locate';

/** dependency-cache adds `cache: <manager>`; persist-credentials adds `persist-credentials: false`. */
export const stepInputFixes: FixProvider = {
  ruleIds: ['github-actions/dependency-cache', 'github-actions/persist-credentials'],
  createFixes(finding, parsed) {
    const file = asGitHubActions(parsed);
    const step = file && stepOf(file, finding);
    if (!file || !step) return [];
    const [name, value] =
      finding.ruleId === 'github-actions/dependency-cache'
        ? ['cache', String(finding.data?.cache ?? '')]
        : ['persist-credentials', 'false'];
    if (!value) return [];
    const edit = addStepInput(file, step, name, value);
    return edit ? [{ title: `Add ${name}: ${value}`, edits: [edit], isPreferred: true, automatic: true }] : [];
  },
};
