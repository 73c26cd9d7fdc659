import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { pod } from './manifests';

const ports = 'ports:\n  - {name: http, containerPort: 8080}\n  - {name: metrics, containerPort: 9090, protocol: UDP}';

describe('kubernetes/probe-port', () => {
  checkCases(
    'kubernetes/probe-port',
    '/repo/k8s/web.yaml',
    [
      {
        name: 'unknown port name',
        text: pod(`${ports}\nlivenessProbe:\n  httpGet: {path: /, port: healthz}`),
        want: [{ at: '13:34-13:41', token: 'healthz' }],
      },
      {
        name: 'a UDP port cannot answer a TCP probe',
        text: pod(`${ports}\nreadinessProbe:\n  tcpSocket:\n    port: metrics`),
        want: ['metrics'],
      },
      {
        // Kubernetes does not require it: a container may listen on a port it does not declare.
        name: 'undeclared number',
        text: pod(`${ports}\nstartupProbe:\n  httpGet: {path: /, port: 8081}`),
        want: [],
      },
      {
        name: 'named port without any ports',
        text: pod('livenessProbe:\n  httpGet: {path: /, port: http}'),
        want: ['http'],
      },
      { name: 'declared name', text: pod(`${ports}\nlivenessProbe:\n  httpGet: {path: /, port: http}`), want: [] },
      { name: 'declared number', text: pod(`${ports}\nlivenessProbe:\n  tcpSocket: {port: 8080}`), want: [] },
      {
        name: 'a number without declared ports',
        text: pod('livenessProbe:\n  httpGet: {path: /, port: 8080}'),
        want: [],
      },
      { name: 'exec probe', text: pod('livenessProbe:\n  exec: {command: [true]}'), want: [] },
    ],
    test,
  );
});
