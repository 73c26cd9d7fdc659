import { describeObject } from './model/pod-spec';
import { selects } from './model/selectors';
import { appliedTogether, SCOPE_OPTION, type ScopeOptions } from './model/scope';
import { sameNamespace } from './model/workspace-index';
import type { Rule } from '../../engine/types';
import { getIn, nodeRange } from '../../engine/yaml/nav';

const REPLICATED_KINDS = new Set(['Deployment', 'StatefulSet']);

export const podDisruptionBudget: Rule<'kubernetes', ScopeOptions> = {
  id: 'kubernetes/pod-disruption-budget',
  kind: 'kubernetes',
  defaultSeverity: 'info',
  docs: {
    summary: 'A workload with several replicas needs a PodDisruptionBudget so node drains keep some of them running.',
  },
  aliases: ['polaris:missingPodDisruptionBudget'],
  scope: 'workspace',
  ...SCOPE_OPTION,
  check({ file, workspace, options, report }) {
    // A budget is looked for, so a wider view only prevents false alarms: a manifest no kustomization
    // lists is seen with its folder, where tutorials keep the budget in a file of its own.
    let together = appliedTogether(workspace, file, options.scope);
    if (together?.unlisted) together = appliedTogether(workspace, file, 'folder');
    if (!together) return;
    const indexes = together.indexes;
    const replicated = indexes[0].workloads.filter(
      (w) => REPLICATED_KINDS.has(w.object.kind) && (w.replicas ?? 0) >= 2,
    );
    if (replicated.length === 0) return;
    const budgets = indexes.flatMap((index) => index.budgets);
    for (const workload of replicated) {
      const covered = budgets.some(
        (budget) => sameNamespace(budget.object, workload.object) && selects(budget.selector, workload.podLabels),
      );
      const range = nodeRange(file.lines, getIn(workload.object.node, ['spec', 'replicas']));
      if (covered || !range) continue;
      report({
        range,
        message: `${describeObject(workload.object)} runs ${workload.replicas} replicas but no PodDisruptionBudget selects its pods: a node drain may evict them all at once.`,
      });
    }
  },
};
