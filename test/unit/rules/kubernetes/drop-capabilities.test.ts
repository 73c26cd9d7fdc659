import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { pod } from './manifests';

const DEFAULTS =
  'AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_ADMIN, NET_BIND_SERVICE, NET_RAW, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT';

describe('kubernetes/drop-capabilities', () => {
  checkCases(
    'kubernetes/drop-capabilities',
    '/repo/k8s/web.yaml',
    [
      { name: 'no capabilities: the container name', text: pod(), want: [{ at: '7:13-7:16', token: 'app' }] },
      {
        name: 'drops some but not ALL: the drop key',
        text: pod('securityContext:\n  capabilities:\n    drop: [NET_RAW]'),
        want: ['drop'],
      },
      { name: 'drop ALL', text: pod('securityContext:\n  capabilities:\n    drop: [ALL]'), want: [] },
      { name: 'drop all, any case', text: pod('securityContext:\n  capabilities:\n    drop: [all]'), want: [] },
      {
        name: 'drops every default capability',
        text: pod(`securityContext:\n  capabilities:\n    drop: [${DEFAULTS}]`),
        want: [],
      },
      {
        name: 'adds SYS_ADMIN and NET_RAW',
        text: pod(
          'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE, SYS_ADMIN, "CAP_NET_RAW"]',
        ),
        want: ['SYS_ADMIN', '"CAP_NET_RAW"'],
      },
      {
        name: 'adds ALL',
        text: pod('securityContext:\n  capabilities:\n    drop: [ALL]\n    add:\n      - all'),
        want: ['all'],
      },
      {
        name: 'adds a harmless capability',
        text: pod('securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]'),
        want: [],
      },
      {
        name: 'pod-level capabilities do not exist and do not count',
        text: pod('', 'securityContext:\n  capabilities:\n    drop: [ALL]'),
        want: ['app'],
      },
    ],
    test,
  );
});
