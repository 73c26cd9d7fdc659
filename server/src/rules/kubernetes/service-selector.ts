import { keyOr, objectAnchor } from './model/anchors';
import { describeObject } from './model/pod-spec';
import { formatLabels, mapSelectorOf, satisfies, selects } from './model/selectors';
import { sameNamespace, workspaceIndexes } from './model/workspace-index';
import type { Rule } from '../../engine/types';
import { mapGet, scalarString } from '../../engine/yaml/nav';

export const serviceSelector: Rule<'kubernetes'> = {
  id: 'kubernetes/service-selector',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: {
    summary: "A Service's selector must match the pod labels of some workload, or the Service has no endpoints.",
  },
  aliases: ['kube-linter:dangling-service', 'kube-score:service-targets-pod'],
  scope: 'workspace',
  check({ file, workspace, report }) {
    const services = file.objects.filter((object) => object.kind === 'Service');
    if (services.length === 0) return;
    const workloads = workspaceIndexes(workspace, file).flatMap((index) => index.workloads);
    // Pods may come from elsewhere (a Helm chart, an operator): judge only workspaces that define workloads.
    if (workloads.length === 0) return;
    for (const service of services) {
      const spec = mapGet(service.node, 'spec');
      const selector = mapSelectorOf(mapGet(spec, 'selector'));
      if (!selector || selector.requirements.length === 0 || scalarString(mapGet(spec, 'type')) === 'ExternalName')
        continue;
      const candidates = workloads.filter((workload) => sameNamespace(workload.object, service));
      if (candidates.some((workload) => selects(selector, workload.podLabels))) continue;
      const nearest = candidates
        .map((workload) => ({
          workload,
          score: selector.requirements.filter((r) => satisfies(r, workload.podLabels)).length,
        }))
        .sort((a, b) => b.score - a.score)[0]?.workload;
      const hint = nearest
        ? ` The nearest is ${describeObject(nearest.object)} with pod labels ${formatLabels(nearest.podLabels)}.`
        : '';
      report({
        range: keyOr(file.lines, spec, 'selector', objectAnchor(file.lines, service)),
        message: `${describeObject(service)} selects no pods of any workload in the workspace.${hint}`,
        data: { selector: Object.fromEntries(selector.requirements.map((r) => [r.key, r.values[0]])) },
      });
    }
  },
};
