import { keyOr, objectAnchor } from './model/anchors';
import { describeObject } from './model/pod-spec';
import { isBuiltInApiVersion } from './model/schema-validator';
import { formatLabels, mapSelectorOf, satisfies, selects, withoutControllerLabels } from './model/selectors';
import { appliedTogether, SCOPE_OPTION, type ScopeOptions } from './model/scope';
import { sameNamespace } from './model/workspace-index';
import type { Rule } from '../../engine/types';
import { mapGet, scalarString } from '../../engine/yaml/nav';

export const serviceSelector: Rule<'kubernetes', ScopeOptions> = {
  id: 'kubernetes/service-selector',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: {
    summary: "A Service's selector must match the pod labels of some workload, or the Service has no endpoints.",
  },
  aliases: ['kube-linter:dangling-service', 'kube-score:service-targets-pod'],
  scope: 'workspace',
  ...SCOPE_OPTION,
  check({ file, workspace, options, report }) {
    const services = file.objects.filter((object) => object.kind === 'Service');
    if (services.length === 0) return;
    const together = appliedTogether(workspace, file, options.scope);
    if (!together) return;
    const workloads = together.indexes.flatMap((index) => index.workloads);
    // Pods may come from elsewhere (a Helm chart, an operator): judge only what defines workloads, and
    // nothing where custom resources are applied too, since their operators create pods of their own.
    if (workloads.length === 0) return;
    if (together.indexes.some((index) => index.all.some(({ object }) => !isBuiltInApiVersion(object.apiVersion))))
      return;
    for (const service of services) {
      const spec = mapGet(service.node, 'spec');
      const written = mapSelectorOf(mapGet(spec, 'selector'));
      const selector = written && withoutControllerLabels(written);
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
        message: `${describeObject(service)} selects no pods of any workload applied with it.${hint}`,
        data: { selector: Object.fromEntries(selector.requirements.map((r) => [r.key, r.values[0]])) },
      });
    }
  },
};
