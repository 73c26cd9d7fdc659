import { objectAnchor } from './model/anchors';
import type { KubernetesObject } from '../../engine/kubernetes/objects';
import { describeObject } from './model/pod-spec';
import { appliedTogether, SCOPE_OPTION, type ScopeOptions } from './model/scope';
import { apiGroup } from './model/workspace-index';
import type { Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';

/** kind, API group, namespace and name: what the API server keys an object on (the version is not part of it). */
function identity(object: KubernetesObject): string | undefined {
  if (!object.name) return undefined;
  return [apiGroup(object.apiVersion), object.kind, object.namespace ?? '', object.name].join('\u0000');
}

export const duplicateObject: Rule<'kubernetes', ScopeOptions> = {
  id: 'kubernetes/duplicate-object',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The same object (kind, namespace and name) must not be defined twice in the manifests applied together.',
  },
  aliases: [],
  scope: 'workspace',
  ...SCOPE_OPTION,
  check({ file, workspace, options, report }) {
    // Only manifests applied together: kustomize overlays and per-variant folders repeat names on purpose.
    const together = appliedTogether(workspace, file, options.scope);
    if (!together) return;
    const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
    const others = together.indexes.flatMap((index) => index.all);
    // Keyed once, so each object is looked up instead of compared with every object of the folder.
    const byIdentity = new Map<string, typeof others>();
    for (const other of others) {
      const id = identity(other.object);
      if (id) byIdentity.set(id, [...(byIdentity.get(id) ?? []), other]);
    }
    for (const object of file.objects) {
      const id = identity(object);
      if (!id) continue;
      const twin = byIdentity.get(id)?.find((other) => other.object !== object);
      if (!twin) continue;
      const line = (nodeRange(twin.file.lines, twin.object.node)?.start.line ?? 0) + 1;
      const where =
        twin.file === file
          ? `line ${line} of this file`
          : `${twin.file.path.startsWith(folder) ? twin.file.path.slice(folder.length) : twin.file.path}:${line}`;
      report({
        range: objectAnchor(file.lines, object),
        message: `${describeObject(object)}${object.namespace ? ` in namespace ${object.namespace}` : ''} is also defined at ${where}: the later one silently replaces the other.`,
      });
    }
  },
};
