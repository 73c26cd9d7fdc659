import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { deployment } from './manifests';

describe('kubernetes/replicas', () => {
  checkCases(
    'kubernetes/replicas',
    '/repo/k8s/web.yaml',
    [
      { name: 'one replica', text: deployment('', '', 'replicas: 1'), want: [{ at: '6:13-6:14', token: '1' }] },
      { name: 'three replicas', text: deployment('', '', 'replicas: 3'), want: [] },
      { name: 'not set (an autoscaler or overlay decides)', text: deployment('', '', 'minReadySeconds: 5'), want: [] },
      { name: 'zero: scaled down on purpose', text: deployment('', '', 'replicas: 0'), want: [] },
      {
        name: 'a StatefulSet of one is often a singleton by design',
        text: deployment('', '', 'replicas: 1').replace('kind: Deployment', 'kind: StatefulSet'),
        want: [],
      },
    ],
    test,
  );
});
