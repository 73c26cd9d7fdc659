import { keyOr, objectAnchor, pairRange } from './model/anchors';
import { describeObject, podMetadataOf, podSpecOf } from './model/pod-spec';
import { formatLabels, labelSelectorOf, labelsOf, mapSelectorOf, satisfies } from './model/selectors';
import type { Rule } from '../../engine/types';
import { getIn, mapGet, nodeRange } from '../../engine/yaml/nav';
import { isPair } from 'yaml';

/** Controllers whose `spec.selector` must select their own template; the API server rejects them otherwise. */
const LABEL_SELECTOR_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
/** Jobs generate their selector unless `manualSelector` is set; they are left alone. */
const SKIPPED_KINDS = new Set(['Job', 'CronJob', 'Pod']);

/**
 * The selector as its kind reads it: a LabelSelector for apps/v1 workloads, a plain map for
 * ReplicationControllers; other kinds with a pod template (Argo Rollouts, OpenShift DeploymentConfigs)
 * are read by shape.
 */
function selectorOf(kind: string, node: unknown) {
  if (LABEL_SELECTOR_KINDS.has(kind)) return labelSelectorOf(node);
  if (kind === 'ReplicationController') return mapSelectorOf(node);
  return mapGet(node, 'matchLabels') || mapGet(node, 'matchExpressions') ? labelSelectorOf(node) : mapSelectorOf(node);
}

export const selectorMismatch: Rule<'kubernetes'> = {
  id: 'kubernetes/selector-mismatch',
  kind: 'kubernetes',
  defaultSeverity: 'error',
  docs: { summary: "A workload's selector must match its own pod template's labels, or the API server rejects it." },
  aliases: ['kube-linter:mismatching-selector'],
  check({ file, report }) {
    for (const object of file.objects) {
      if (SKIPPED_KINDS.has(object.kind) || !podSpecOf(object)) continue;
      const selector = selectorOf(object.kind, getIn(object.node, ['spec', 'selector']));
      if (!selector) continue;
      const labels = labelsOf(mapGet(podMetadataOf(object), 'labels'));
      const failing = selector.requirements.find((requirement) => !satisfies(requirement, labels));
      if (!failing) continue;
      const range = isPair(failing.node) ? pairRange(file.lines, failing.node) : nodeRange(file.lines, failing.node);
      report({
        range: range ?? keyOr(file.lines, mapGet(object.node, 'spec'), 'selector', objectAnchor(file.lines, object)),
        message: `The selector of ${describeObject(object)} requires ${failing.key} ${failing.operator === 'In' ? `= ${failing.values.join(', ')}` : failing.operator}, but its pod template has ${formatLabels(labels)}: the API server rejects it.`,
      });
    }
  },
};
