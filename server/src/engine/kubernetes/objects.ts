import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import { asSeq, mapGet, scalarString } from '../yaml/nav';

/** One Kubernetes object: a document's root map, or an item of a `kind: List`. */
export interface KubernetesObject {
  document: Document.Parsed;
  node: YAMLMap;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
}

export function kubernetesObjects(documents: readonly Document.Parsed[]): KubernetesObject[] {
  const objects: KubernetesObject[] = [];
  for (const document of documents) {
    const root = document.contents;
    const object = asObject(document, root);
    if (!object) continue;
    const items = object.kind.endsWith('List') ? asSeq(mapGet(root, 'items')) : undefined;
    if (items) {
      for (const item of items.items) {
        const inner = asObject(document, item);
        if (inner) objects.push(inner);
      }
    } else {
      objects.push(object);
    }
  }
  return objects;
}

function asObject(document: Document.Parsed, node: unknown): KubernetesObject | undefined {
  if (!isMap(node)) return undefined;
  const apiVersion = scalarString(mapGet(node, 'apiVersion'));
  const kindNode = mapGet(node, 'kind');
  const kind = isScalar(kindNode) ? scalarString(kindNode) : undefined;
  if (!apiVersion || !kind) return undefined;
  const metadata = mapGet(node, 'metadata');
  return {
    document,
    node,
    apiVersion,
    kind,
    name: scalarString(mapGet(metadata, 'name')),
    namespace: scalarString(mapGet(metadata, 'namespace')),
  };
}
