import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { deployment, pod } from './manifests';

describe('kubernetes/host-namespaces', () => {
  checkCases(
    'kubernetes/host-namespaces',
    '/repo/k8s/web.yaml',
    [
      {
        name: 'hostNetwork',
        text: pod('', 'hostNetwork: true'),
        want: [{ at: '6:3-6:20', token: 'hostNetwork: true' }],
      },
      {
        name: 'hostPID and hostIPC in a Deployment',
        text: deployment('', 'hostPID: true\nhostIPC: true'),
        want: ['hostPID: true', 'hostIPC: true'],
      },
      { name: 'false', text: pod('', 'hostNetwork: false\nhostPID: false'), want: [] },
      { name: 'not set', text: pod(), want: [] },
      {
        name: 'each kube-linter check name suppresses it',
        text: pod('', 'hostNetwork: true').replace(
          '  name: web\n',
          '  name: web\n  annotations:\n    ignore-check.kube-linter.io/host-network: "node agent"\n',
        ),
        want: [],
      },
    ],
    test,
  );
});
