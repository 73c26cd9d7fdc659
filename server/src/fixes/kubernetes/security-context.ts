import type { FixProvider, QuickFix } from '../types';
import { pairOf } from '../../engine/yaml/nav';
import { asKubernetes, containerOf } from './locate';
import { setIn, type Tree } from './yaml-edits';

/** What each rule's setting must be; `capabilities` is nested. */
const SETTINGS: Record<string, { path: string[]; values: Tree; title: string }> = {
  runAsNonRoot: { path: ['securityContext'], values: { runAsNonRoot: 'true' }, title: 'Set runAsNonRoot: true' },
  allowPrivilegeEscalation: {
    path: ['securityContext'],
    values: { allowPrivilegeEscalation: 'false' },
    title: 'Set allowPrivilegeEscalation: false',
  },
  readOnlyRootFilesystem: {
    path: ['securityContext'],
    values: { readOnlyRootFilesystem: 'true' },
    title: 'Set readOnlyRootFilesystem: true',
  },
  capabilities: {
    path: ['securityContext', 'capabilities'],
    values: { drop: '[ALL]' },
    title: 'Drop all capabilities',
  },
};

const HARDENED: Tree = {
  runAsNonRoot: 'true',
  allowPrivilegeEscalation: 'false',
  readOnlyRootFilesystem: 'true',
  capabilities: { drop: '[ALL]' },
};

export const securityContextFix: FixProvider = {
  ruleIds: [
    'kubernetes/run-as-non-root',
    'kubernetes/no-privilege-escalation',
    'kubernetes/read-only-root-filesystem',
    'kubernetes/drop-capabilities',
  ],
  createFixes(finding, parsed) {
    const file = asKubernetes(parsed);
    const setting = SETTINGS[String(finding.data?.setting)];
    const ref = file && containerOf(file, finding);
    if (!file || !setting || !ref) return [];
    const fixes: QuickFix[] = [];
    const edits = setIn(file, ref.container, setting.path, setting.values);
    if (edits) fixes.push({ title: setting.title, edits, isPreferred: true, automatic: true });
    // A container without any securityContext gets the whole hardened block in one go.
    if (!pairOf(ref.container, 'securityContext')) {
      const block = setIn(file, ref.container, ['securityContext'], HARDENED);
      if (block) fixes.push({ title: 'Add a hardened securityContext', edits: block });
    }
    return fixes;
  },
};
