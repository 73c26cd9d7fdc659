import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { kustomization } from './manifests';
import { WORKLOADS } from './cross-file';

const service = (selector: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${extra}  selector:
${selector}
  ports: [{port: 80}]
`;
const together = kustomization('deployment.yaml', 'service.yaml');
const workspace = { files: { '/repo/k8s/deployment.yaml': WORKLOADS, ...together } };

describe('kubernetes/service-selector', () => {
  checkCases(
    'kubernetes/service-selector',
    '/repo/k8s/service.yaml',
    [
      {
        name: 'selects nothing',
        text: service('    app: api'),
        want: [{ at: '6:3-6:11', token: 'selector' }],
        options: workspace,
      },
      {
        name: 'one label too many',
        text: service('    app: web\n    tier: backend'),
        want: ['selector'],
        options: workspace,
      },
      { name: 'selects the Deployment in another file', text: service('    app: web'), want: [], options: workspace },
      { name: 'a subset of the pod labels', text: service('    tier: frontend'), want: [], options: workspace },
      { name: 'in the same file', text: `${WORKLOADS}---\n${service('    app: web')}`, want: [] },
      { name: 'no workloads in the workspace at all', text: service('    app: api'), want: [] },
      {
        name: 'no selector (manual Endpoints)',
        text: 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  ports: [{port: 5432}]\n',
        want: [],
        options: workspace,
      },
      {
        name: 'ExternalName',
        text: service('    app: api', '  type: ExternalName\n  externalName: db.example.com\n'),
        want: [],
        options: workspace,
      },
      {
        name: 'another namespace does not count',
        text: service('    app: web').replace('  name: web\n', '  name: web\n  namespace: prod\n'),
        want: ['selector'],
        options: {
          files: {
            '/repo/k8s/deployment.yaml': WORKLOADS.replace('  name: web\n', '  name: web\n  namespace: staging\n'),
            ...together,
          },
        },
      },
      {
        name: 'workloads in another file not applied with it: nothing to judge',
        text: service('    app: api'),
        want: [],
        options: { files: { '/repo/k8s/deployment.yaml': WORKLOADS } },
      },
      {
        name: 'the pods of a Job, by the label its controller adds',
        text: `${service('    job-name: migrate')}---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: m, image: app:1}]\n`,
        want: [],
      },
      {
        name: 'custom resources applied with it: an operator may create the pods',
        text: `${service('    app: kafka')}---\n${WORKLOADS}---\napiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\nmetadata: {name: kafka}\nspec: {}\n`,
        want: [],
      },
    ],
    test,
  );
});
