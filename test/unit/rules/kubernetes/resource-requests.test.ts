import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { pod } from './manifests';

describe('kubernetes/resource-requests', () => {
  checkCases(
    'kubernetes/resource-requests',
    '/repo/k8s/web.yaml',
    [
      { name: 'no resources: the container name', text: pod(), want: [{ at: '7:13-7:16', token: 'app' }] },
      {
        name: 'limits only: the resources key',
        text: pod('resources:\n  limits: {memory: 256Mi}'),
        want: ['resources'],
      },
      {
        name: 'memory request missing: the requests key',
        text: pod('resources:\n  requests:\n    cpu: 100m'),
        want: ['requests'],
      },
      {
        name: 'a zero request is no request',
        text: pod('resources:\n  requests: {cpu: "0", memory: 128Mi}'),
        want: ['requests'],
      },
      {
        name: 'init containers',
        text: pod(
          'resources: {requests: {cpu: 100m, memory: 64Mi}}',
          'initContainers:\n  - name: init\n    image: busybox:1',
        ),
        want: ['init'],
      },
      { name: 'both requests', text: pod('resources:\n  requests:\n    cpu: 100m\n    memory: 128Mi'), want: [] },
      {
        name: 'ephemeral containers cannot have resources',
        text: pod(
          'resources: {requests: {cpu: 1, memory: 1Gi}}',
          'ephemeralContainers:\n  - name: debug\n    image: busybox:1',
        ),
        want: [],
      },
    ],
    test,
  );
});
