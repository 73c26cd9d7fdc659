import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { kustomization } from './manifests';
import { WORKLOADS } from './cross-file';

const pdb = (budget: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  ${budget}
  selector:
    matchLabels: {app: web}
`;
const together = kustomization('deployment.yaml', 'hpa.yaml', 'pdb.yaml', 'd.yaml');
const workspace = { files: { '/repo/k8s/deployment.yaml': WORKLOADS, ...together } };
const autoscaled = (minReplicas: string) => ({
  files: {
    ...workspace.files,
    '/repo/k8s/hpa.yaml': `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  ${minReplicas}\n  maxReplicas: 9\n`,
  },
});

describe('kubernetes/pdb-blocks-eviction', () => {
  checkCases(
    'kubernetes/pdb-blocks-eviction',
    '/repo/k8s/pdb.yaml',
    [
      { name: 'maxUnavailable 0', text: pdb('maxUnavailable: 0'), want: [{ at: '5:19-5:20', token: '0' }] },
      { name: 'minAvailable 100%', text: pdb('minAvailable: 100%'), want: ['100%'] },
      { name: 'minAvailable equal to the replicas', text: pdb('minAvailable: 3'), want: ['3'], options: workspace },
      { name: 'minAvailable below the replicas', text: pdb('minAvailable: 2'), want: [], options: workspace },
      { name: 'maxUnavailable 1', text: pdb('maxUnavailable: 1'), want: [], options: workspace },
      { name: 'no workload to compare with', text: pdb('minAvailable: 3'), want: [] },
      {
        name: 'an autoscaled workload is compared with its minReplicas',
        text: pdb('minAvailable: 3'),
        want: [],
        options: autoscaled('minReplicas: 5'),
      },
      {
        name: 'minAvailable at the autoscaler minimum',
        text: pdb('minAvailable: 2'),
        want: ['2'],
        options: autoscaled('minReplicas: 2'),
      },
      { name: 'minReplicas defaults to 1', text: pdb('minAvailable: 1'), want: ['1'], options: autoscaled('') },
      {
        name: 'a budget without selector still cannot be 0',
        text: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x}\nspec:\n  maxUnavailable: 0%\n',
        want: ['0%'],
      },
      {
        name: 'a Deployment without template is matched by its selector',
        text: pdb('minAvailable: 2'),
        want: ['2'],
        options: {
          files: {
            ...together,
            '/repo/k8s/d.yaml':
              'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n',
          },
        },
      },
    ],
    test,
  );
});
