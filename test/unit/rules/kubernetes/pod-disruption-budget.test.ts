import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { kustomization } from './manifests';
import { WORKLOADS } from './cross-file';

const pdb = (labels: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {${labels}}
`;

describe('kubernetes/pod-disruption-budget', () => {
  checkCases(
    'kubernetes/pod-disruption-budget',
    '/repo/k8s/deployment.yaml',
    [
      { name: 'three replicas and no budget', text: WORKLOADS, want: [{ at: '6:13-6:14', token: '3' }] },
      {
        name: 'a budget for other pods',
        text: WORKLOADS,
        want: ['3'],
        options: { files: { '/repo/k8s/pdb.yaml': pdb('app: api'), ...kustomization('deployment.yaml', 'pdb.yaml') } },
      },
      {
        name: 'a budget in another file',
        text: WORKLOADS,
        want: [],
        options: { files: { '/repo/k8s/pdb.yaml': pdb('app: web'), ...kustomization('deployment.yaml', 'pdb.yaml') } },
      },
      { name: 'a budget in the same file', text: `${WORKLOADS}---\n${pdb('tier: frontend')}`, want: [] },
      { name: 'one replica needs no budget', text: WORKLOADS.replace('replicas: 3', 'replicas: 1'), want: [] },
      { name: 'replicas not written', text: WORKLOADS.replace('  replicas: 3\n', ''), want: [] },
    ],
    test,
  );
});
