import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { deployment, pod } from './manifests';

const job = `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: app:1
`;

describe('kubernetes/liveness-probe', () => {
  checkCases(
    'kubernetes/liveness-probe',
    '/repo/k8s/web.yaml',
    [
      { name: 'Deployment without probe', text: deployment(), want: [{ at: '16:17-16:20', token: 'app' }] },
      { name: 'bare Pod', text: pod(), want: ['app'] },
      { name: 'with a probe', text: deployment('livenessProbe:\n  httpGet: {path: /healthz, port: 8080}'), want: [] },
      { name: 'Job', text: job, want: [] },
      {
        name: 'CronJob',
        text: `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "@daily"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: "app:1"}]\n`,
        want: [],
      },
      { name: 'Pod that runs to completion', text: pod('', 'restartPolicy: OnFailure'), want: [] },
      {
        name: 'init containers need none',
        text: deployment(
          'livenessProbe: {tcpSocket: {port: 80}}',
          'initContainers:\n  - name: init\n    image: busybox:1',
        ),
        want: [],
      },
    ],
    test,
  );
});
