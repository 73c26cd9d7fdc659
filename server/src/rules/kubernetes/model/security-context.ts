import type { Node, Pair, Scalar } from 'yaml';
import { mapGet, pairOf } from '../../../engine/yaml/nav';
import type { ContainerRef } from './pod-spec';

export interface EffectiveSetting {
  /** The pair as written (`runAsNonRoot: true`), for ranges. */
  pair: Pair<Scalar, Node | null>;
  value: unknown;
  level: 'container' | 'pod';
}

/**
 * A security setting as the kubelet resolves it: the container's `securityContext` wins over the pod's.
 * Only fields that exist at both levels make sense here (runAsUser, runAsGroup, runAsNonRoot, seccomp…).
 */
export function effectiveSetting(ref: ContainerRef, key: string): EffectiveSetting | undefined {
  const own = containerSetting(ref, key);
  if (own) return own;
  const pod = pairOf(mapGet(ref.podSpec, 'securityContext'), key);
  if (pod) return { pair: pod, value: scalarValue(pod.value), level: 'pod' };
  return undefined;
}

/** A container-only setting (`allowPrivilegeEscalation`, `privileged`, `readOnlyRootFilesystem`). */
export function containerSetting(ref: ContainerRef, key: string): EffectiveSetting | undefined {
  const own = pairOf(mapGet(ref.container, 'securityContext'), key);
  return own ? { pair: own, value: scalarValue(own.value), level: 'container' } : undefined;
}

function scalarValue(node: unknown): unknown {
  return node && typeof node === 'object' && 'value' in node ? (node as Scalar).value : undefined;
}
