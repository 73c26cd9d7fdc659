import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { pod } from './manifests';

const volume = (path: string) => `volumes:\n  - name: host\n    hostPath:\n      path: ${path}`;

describe('kubernetes/host-path', () => {
  checkCases(
    'kubernetes/host-path',
    '/repo/k8s/web.yaml',
    [
      {
        name: 'docker.sock',
        text: pod('', volume('/var/run/docker.sock')),
        want: [{ at: '9:15-9:35', token: '/var/run/docker.sock' }],
      },
      {
        name: 'containerd socket',
        text: pod('', volume('/run/containerd/containerd.sock')),
        want: ['/run/containerd/containerd.sock'],
      },
      { name: '/etc', text: pod('', volume('/etc')), want: ['/etc'] },
      { name: '/proc/ with a trailing slash', text: pod('', volume('"/proc/"')), want: ['"/proc/"'] },
      { name: 'root', text: pod('', volume('/')), want: ['/'] },
      { name: 'a data directory', text: pod('', volume('/data/cache')), want: [] },
      { name: 'a subfolder of /etc', text: pod('', volume('/etc/ssl/certs')), want: [] },
      { name: 'a socket-like name that is not a runtime socket', text: pod('', volume('/var/run/app.sock')), want: [] },
      { name: 'emptyDir', text: pod('', 'volumes:\n  - name: tmp\n    emptyDir: {}'), want: [] },
    ],
    test,
  );
});
