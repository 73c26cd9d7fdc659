import type { FixProvider } from '../types';
import { asKubernetes, containerOf } from './locate';
import { setIn, type Tree } from './yaml-edits';

/** Typical starting values, as snippet placeholders the user tabs through. */
const PLACEHOLDERS: Record<string, Record<string, string>> = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { memory: '256Mi', cpu: '500m' },
};

export const resourcesFix: FixProvider = {
  ruleIds: ['kubernetes/resource-requests', 'kubernetes/resource-limits'],
  createFixes(finding, parsed) {
    const file = asKubernetes(parsed);
    const section = String(finding.data?.section);
    const missing = Array.isArray(finding.data?.missing) ? (finding.data.missing as string[]) : [];
    const ref = file && containerOf(file, finding);
    if (!file || !ref || !PLACEHOLDERS[section] || missing.length === 0) return [];
    const values: Tree = {};
    missing.forEach(
      (resource, index) => (values[resource] = `\${${index + 1}:${PLACEHOLDERS[section][resource] ?? '1'}}`),
    );
    const edits = setIn(file, ref.container, ['resources', section], values);
    return edits
      ? [{ title: `Add resource ${section} (${missing.join(', ')})`, edits, snippet: true, isPreferred: true }]
      : [];
  },
};
