import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { deployment } from './manifests';

describe('kubernetes/readiness-probe', () => {
  checkCases(
    'kubernetes/readiness-probe',
    '/repo/k8s/web.yaml',
    [
      { name: 'Deployment without probe', text: deployment(), want: [{ at: '16:17-16:20', token: 'app' }] },
      {
        name: 'a liveness probe is not a readiness probe',
        text: deployment('livenessProbe: {tcpSocket: {port: 80}}'),
        want: ['app'],
      },
      { name: 'with a probe', text: deployment('readinessProbe:\n  httpGet: {path: /ready, port: 8080}'), want: [] },
      {
        name: 'StatefulSet by shape',
        text: deployment().replace('kind: Deployment', 'kind: StatefulSet'),
        want: ['app'],
      },
      { name: 'Job', text: deployment().replace('apps/v1\nkind: Deployment', 'batch/v1\nkind: Job'), want: [] },
    ],
    test,
  );
});
