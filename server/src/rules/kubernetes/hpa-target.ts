import { objectAnchor } from './model/anchors';
import { describeObject } from './model/pod-spec';
import { appliedTogether, SCOPE_OPTION, type ScopeOptions } from './model/scope';
import { sameNamespace } from './model/workspace-index';
import type { Rule } from '../../engine/types';
import { getIn, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';

export const hpaTarget: Rule<'kubernetes', ScopeOptions> = {
  id: 'kubernetes/hpa-target',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: "A HorizontalPodAutoscaler's scaleTargetRef must name a workload defined in the workspace." },
  aliases: ['kube-linter:dangling-hpa'],
  scope: 'workspace',
  ...SCOPE_OPTION,
  check({ file, workspace, options, report }) {
    const autoscalers = file.objects.filter((object) => object.kind === 'HorizontalPodAutoscaler');
    if (autoscalers.length === 0) return;
    const together = appliedTogether(workspace, file, options.scope);
    if (!together) return;
    const objects = together.indexes.flatMap((index) => index.all);
    for (const hpa of autoscalers) {
      const ref = getIn(hpa.node, ['spec', 'scaleTargetRef']);
      const kind = scalarString(mapGet(ref, 'kind'));
      const nameNode = mapGet(ref, 'name');
      const name = scalarString(nameNode);
      if (!kind || !name) continue;
      const found = objects.some(
        ({ object }) => object.kind === kind && object.name === name && sameNamespace(object, hpa),
      );
      if (found) continue;
      const sameName = objects.find(
        ({ object }) => object.name === name && object !== hpa && sameNamespace(object, hpa),
      );
      // Absent from what is applied with it is no evidence by itself (it may be applied separately):
      // judge only when a same-kind object or a same-name object of another kind is there to compare.
      const sameKind = objects.some(({ object }) => object.kind === kind && sameNamespace(object, hpa));
      if (!sameKind && !sameName) continue;
      const hint = sameName ? ` There is a ${sameName.object.kind} of that name: is the kind wrong?` : '';
      report({
        range: nodeRange(file.lines, nameNode) ?? objectAnchor(file.lines, hpa),
        message: `${describeObject(hpa)} scales ${kind} ${name}, which no manifest applied with it defines.${hint}`,
      });
    }
  },
};
