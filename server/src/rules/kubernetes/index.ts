import type { AnyRule } from '../../engine/types';
import { dropCapabilities } from './drop-capabilities';
import { duplicateObject } from './duplicate-object';
import { hostNamespaces } from './host-namespaces';
import { hostPath } from './host-path';
import { hpaTarget } from './hpa-target';
import { imagePullPolicy } from './image-pull-policy';
import { imageTag } from './image-tag';
import { livenessProbe } from './liveness-probe';
import { noPrivilegeEscalation } from './no-privilege-escalation';
import { pdbBlocksEviction } from './pdb-blocks-eviction';
import { podDisruptionBudget } from './pod-disruption-budget';
import { privileged } from './privileged';
import { probePort } from './probe-port';
import { readOnlyRootFilesystem } from './read-only-root-filesystem';
import { readinessProbe } from './readiness-probe';
import { replicas } from './replicas';
import { resourceLimits } from './resource-limits';
import { resourceRequests } from './resource-requests';
import { rollingUpdate } from './rolling-update';
import { schema } from './schema';
import { runAsNonRoot } from './run-as-non-root';
import { secretInEnv } from './secret-in-env';
import { selectorMismatch } from './selector-mismatch';
import { serviceSelector } from './service-selector';
import { syntax } from './syntax';

export const kubernetesRules: AnyRule[] = [
  syntax,
  schema,
  imageTag,
  runAsNonRoot,
  noPrivilegeEscalation,
  readOnlyRootFilesystem,
  dropCapabilities,
  privileged,
  hostNamespaces,
  hostPath,
  secretInEnv,
  resourceRequests,
  resourceLimits,
  livenessProbe,
  readinessProbe,
  probePort,
  imagePullPolicy,
  replicas,
  rollingUpdate,
  serviceSelector,
  hpaTarget,
  podDisruptionBudget,
  pdbBlocksEviction,
  duplicateObject,
  selectorMismatch,
];
