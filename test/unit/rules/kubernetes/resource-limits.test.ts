import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { pod } from './manifests';

const cpuToo = { settings: { 'kubernetes/resource-limits': { options: { cpu: true } } } };

describe('kubernetes/resource-limits', () => {
  checkCases(
    'kubernetes/resource-limits',
    '/repo/k8s/web.yaml',
    [
      { name: 'no resources', text: pod(), want: [{ at: '7:13-7:16', token: 'app' }] },
      {
        name: 'requests only: the resources key',
        text: pod('resources:\n  requests: {memory: 256Mi}'),
        want: ['resources'],
      },
      { name: 'cpu limit only', text: pod('resources:\n  limits:\n    cpu: "1"'), want: ['limits'] },
      { name: 'memory limit', text: pod('resources:\n  limits:\n    memory: 256Mi'), want: [] },
      { name: 'no CPU limit needed by default', text: pod('resources:\n  limits: {memory: 1Gi}'), want: [] },
      {
        name: 'option cpu: CPU limit required',
        text: pod('resources:\n  limits: {memory: 1Gi}'),
        want: ['limits'],
        options: cpuToo,
      },
      {
        name: 'option cpu: both set',
        text: pod('resources:\n  limits: {memory: 1Gi, cpu: 500m}'),
        want: [],
        options: cpuToo,
      },
    ],
    test,
  );
});
