import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { WORKLOADS } from './cross-file';

describe('kubernetes/selector-mismatch', () => {
  checkCases(
    'kubernetes/selector-mismatch',
    '/repo/k8s/web.yaml',
    [
      {
        name: 'matchLabels value differs',
        text: WORKLOADS.replace('matchLabels: {app: web}', 'matchLabels: {app: api}'),
        want: [{ at: '8:19-8:27', token: 'app: api' }],
      },
      {
        name: 'template without labels',
        text: WORKLOADS.replace('      labels: {app: web, tier: frontend}\n', '      annotations: {a: b}\n'),
        want: ['app: web'],
      },
      {
        name: 'matchExpressions',
        text: WORKLOADS.replace(
          'matchLabels: {app: web}',
          'matchExpressions:\n      - {key: tier, operator: In, values: [backend]}',
        ),
        want: ['{key: tier, operator: In, values: [backend]}'],
      },
      {
        name: 'a map selector on a CRD with a pod template (OpenShift DeploymentConfig)',
        text: 'apiVersion: apps.openshift.io/v1\nkind: DeploymentConfig\nmetadata: {name: dc}\nspec:\n  selector:\n    app: dc\n  template:\n    metadata:\n      labels: {app: other}\n    spec:\n      containers: [{name: a, image: "a:1"}]\n',
        want: ['app: dc'],
      },
      { name: 'matches', text: WORKLOADS, want: [] },
      {
        name: 'a subset matches',
        text: WORKLOADS.replace('matchLabels: {app: web}', 'matchLabels: {tier: frontend}'),
        want: [],
      },
      {
        name: 'Exists expression',
        text: WORKLOADS.replace('matchLabels: {app: web}', 'matchExpressions: [{key: app, operator: Exists}]'),
        want: [],
      },
      {
        name: 'a Service is not a workload',
        text: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: nothing}\n',
        want: [],
      },
    ],
    test,
  );
});
