import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { deployment, pod } from './manifests';

describe('kubernetes/read-only-root-filesystem', () => {
  checkCases(
    'kubernetes/read-only-root-filesystem',
    '/repo/k8s/web.yaml',
    [
      { name: 'not set', text: deployment(), want: [{ at: '16:17-16:20', token: 'app' }] },
      {
        name: 'false',
        text: pod('securityContext:\n  readOnlyRootFilesystem: false'),
        want: ['readOnlyRootFilesystem: false'],
      },
      { name: 'true', text: pod('securityContext:\n  readOnlyRootFilesystem: true'), want: [] },
      {
        name: 'a pod-level field of that name does not exist and does not count',
        text: pod('', 'securityContext:\n  readOnlyRootFilesystem: true'),
        want: ['app'],
      },
    ],
    test,
  );
});
