import { describeObject } from './model/pod-spec';
import { labelSelectorOf, selects } from './model/selectors';
import { appliedTogether, SCOPE_OPTION, type ScopeOptions } from './model/scope';
import { autoscaledTargets, sameNamespace, type Workload } from './model/workspace-index';
import type { Rule } from '../../engine/types';
import { getIn, nodeRange, scalarString } from '../../engine/yaml/nav';

export const pdbBlocksEviction: Rule<'kubernetes', ScopeOptions> = {
  id: 'kubernetes/pdb-blocks-eviction',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: 'A PodDisruptionBudget that allows no disruption blocks node drains and cluster upgrades.' },
  aliases: ['polaris:pdbDisruptionsIsZero', 'kube-linter:pdb-max-unavailable', 'kube-linter:pdb-min-available'],
  scope: 'workspace',
  ...SCOPE_OPTION,
  check({ file, workspace, options, report }) {
    const budgets = file.objects.filter((object) => object.kind === 'PodDisruptionBudget');
    if (budgets.length === 0) return;
    const together = appliedTogether(workspace, file, options.scope);
    if (!together) return;
    const indexes = together.indexes;
    const workloads = indexes.flatMap((index) => index.workloads);
    const autoscaled = autoscaledTargets(indexes);
    /** The fewest replicas a workload may run: its HPA's minReplicas, else its fixed count. */
    const lowestReplicas = (w: Workload) => autoscaled.get(`${w.object.kind}/${w.object.name}`) ?? w.replicas;
    for (const budget of budgets) {
      const name = describeObject(budget);
      const maxNode = getIn(budget.node, ['spec', 'maxUnavailable']);
      const minNode = getIn(budget.node, ['spec', 'minAvailable']);
      const max = scalarString(maxNode)?.trim();
      const min = scalarString(minNode)?.trim();
      const maxRange = nodeRange(file.lines, maxNode);
      const minRange = nodeRange(file.lines, minNode);
      if (max !== undefined && maxRange && /^0+%?$/.test(max)) {
        report({
          range: maxRange,
          message: `${name} sets maxUnavailable: ${max}, so no pod may ever be evicted: drains hang. Allow at least 1.`,
        });
      }
      if (min === undefined || !minRange) continue;
      if (/^100%$/.test(min)) {
        report({
          range: minRange,
          message: `${name} requires 100% of its pods available, so none may be evicted: drains hang. Use a lower minAvailable or maxUnavailable: 1.`,
        });
        continue;
      }
      const selector = labelSelectorOf(getIn(budget.node, ['spec', 'selector']));
      if (!/^\d+$/.test(min) || !selector) continue;
      const blocked = workloads.find((w) => {
        const lowest = lowestReplicas(w);
        return (
          lowest !== undefined &&
          sameNamespace(w.object, budget) &&
          w.podLabels.size > 0 &&
          selects(selector, w.podLabels) &&
          Number(min) >= lowest
        );
      });
      if (blocked) {
        const autoscaledNote = autoscaled.has(`${blocked.object.kind}/${blocked.object.name}`)
          ? ' (its autoscaler minimum)'
          : '';
        report({
          range: minRange,
          message: `${name} requires ${min} pods available, but ${describeObject(blocked.object)} may run only ${lowestReplicas(blocked)}${autoscaledNote}: no pod may be evicted, so drains hang.`,
        });
      }
    }
  },
};
