import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { kustomization } from './manifests';
import { WORKLOADS } from './cross-file';

const hpa = (kind: string, name: string) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: ${kind}
    name: ${name}
  minReplicas: 2
  maxReplicas: 5
`;
const workspace = {
  files: { '/repo/k8s/deployment.yaml': WORKLOADS, ...kustomization('deployment.yaml', 'hpa.yaml') },
};

describe('kubernetes/hpa-target', () => {
  checkCases(
    'kubernetes/hpa-target',
    '/repo/k8s/hpa.yaml',
    [
      {
        name: 'unknown name',
        text: hpa('Deployment', 'api'),
        want: [{ at: '9:11-9:14', token: 'api' }],
        options: workspace,
      },
      { name: 'wrong kind', text: hpa('StatefulSet', 'web'), want: ['web'], options: workspace },
      { name: 'existing Deployment', text: hpa('Deployment', 'web'), want: [], options: workspace },
      {
        name: 'nothing applied with it to compare (the target is applied separately)',
        text: hpa('Deployment', 'api'),
        want: [],
        options: { files: { '/repo/k8s/deployment.yaml': WORKLOADS } },
      },
      { name: 'in the same file', text: `${WORKLOADS}---\n${hpa('Deployment', 'web')}`, want: [] },
    ],
    test,
  );
});
