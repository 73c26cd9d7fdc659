import { objectAnchor } from './model/anchors';
import type { KubernetesObject } from '../../engine/kubernetes/objects';
import { describeObject } from './model/pod-spec';
import { apiGroup, workspaceIndexes } from './model/workspace-index';
import type { Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';

/** kind, API group, namespace and name: what the API server keys an object on (the version is not part of it). */
function identity(object: KubernetesObject): string | undefined {
  if (!object.name) return undefined;
  return [apiGroup(object.apiVersion), object.kind, object.namespace ?? '', object.name].join('\u0000');
}

function directoryOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

export const duplicateObject: Rule<'kubernetes'> = {
  id: 'kubernetes/duplicate-object',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The same object (kind, namespace and name) must not be defined twice in the manifests applied together.',
  },
  aliases: [],
  scope: 'workspace',
  check({ file, workspace, report }) {
    // Manifests applied together live in one folder (`kubectl apply -f dir/`); kustomize overlays and
    // per-environment folders repeat names on purpose, so other folders are not compared.
    const folder = directoryOf(file.path);
    const others = workspaceIndexes(workspace, file)
      .filter((index, i) => i === 0 || directoryOf(index.all[0]?.file.path ?? '') === folder)
      .flatMap((index) => index.all);
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
      const where = twin.file === file ? `line ${line} of this file` : `${twin.file.path.slice(folder.length)}:${line}`;
      report({
        range: objectAnchor(file.lines, object),
        message: `${describeObject(object)}${object.namespace ? ` in namespace ${object.namespace}` : ''} is also defined at ${where}: the later one silently replaces the other.`,
      });
    }
  },
};
