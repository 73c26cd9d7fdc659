import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { pod } from './manifests';

describe('kubernetes/no-privilege-escalation', () => {
  checkCases(
    'kubernetes/no-privilege-escalation',
    '/repo/k8s/web.yaml',
    [
      { name: 'not set: the container name', text: pod(), want: [{ at: '7:13-7:16', token: 'app' }] },
      {
        name: 'explicitly true',
        text: pod('securityContext:\n  allowPrivilegeEscalation: true'),
        want: ['allowPrivilegeEscalation: true'],
      },
      {
        name: 'ephemeral containers too',
        text: pod(
          'securityContext: {allowPrivilegeEscalation: false}',
          'ephemeralContainers:\n  - name: debug\n    image: busybox:1',
        ),
        want: ['debug'],
      },
      { name: 'false', text: pod('securityContext:\n  allowPrivilegeEscalation: false'), want: [] },
      {
        name: 'the string "false" is not false',
        text: pod('securityContext:\n  allowPrivilegeEscalation: "false"'),
        want: ['allowPrivilegeEscalation: "false"'],
      },
      {
        name: 'Polaris annotation exempts the object',
        text: pod('securityContext: {allowPrivilegeEscalation: true}').replace(
          '  name: web\n',
          '  name: web\n  annotations:\n    polaris.fairwinds.com/privilegeEscalationAllowed-exempt: "true"\n',
        ),
        want: [],
      },
    ],
    test,
  );
});
