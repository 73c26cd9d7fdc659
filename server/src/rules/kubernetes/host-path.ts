import { describeObject, podSpecOf } from './model/pod-spec';
import type { Rule } from '../../engine/types';
import { asSeq, getIn, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import sensitive from './data/sensitive-host-paths.json';

const DIRECTORIES = new Set(sensitive.directories);

/** Why mounting this host path is dangerous, or undefined when it is not one we know to be. */
function dangerOf(path: string): string | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const socket = sensitive.sockets.find((name) => normalized.endsWith(`/${name}`) || normalized === name);
  if (socket) return `the container runtime socket (${socket}), which gives root on the node`;
  if (DIRECTORIES.has(normalized)) return `the node's ${normalized} directory`;
  return undefined;
}

export const hostPath: Rule<'kubernetes'> = {
  id: 'kubernetes/host-path',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: 'Pods should not mount sensitive host paths such as /etc, /proc or the container runtime socket.' },
  aliases: ['kube-linter:docker-sock', 'kube-linter:sensitive-host-mounts'],
  check({ file, report }) {
    for (const object of file.objects) {
      for (const volume of asSeq(mapGet(podSpecOf(object), 'volumes'))?.items ?? []) {
        const pathNode = getIn(volume, ['hostPath', 'path']);
        const path = scalarString(pathNode);
        const range = nodeRange(file.lines, pathNode);
        const danger = path && dangerOf(path);
        if (!danger || !range) continue;
        const volumeName = scalarString(mapGet(volume, 'name')) ?? 'a volume';
        report({
          range,
          message: `Volume ${volumeName} of ${describeObject(object)} mounts ${danger}: use a ConfigMap, Secret or PVC instead.`,
        });
      }
    }
  },
};
