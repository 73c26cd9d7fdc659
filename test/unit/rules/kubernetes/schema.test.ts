import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkCases, lint } from '../../../helpers/lint';
import { deployment, pod } from './manifests';

const ID = 'kubernetes/schema';
const messages = (text: string) =>
  lint('/repo/k8s/web.yaml', text)
    .filter((f) => f.ruleId === ID)
    .map((f) => f.message);

describe('kubernetes/schema', () => {
  checkCases(
    ID,
    '/repo/k8s/web.yaml',
    [
      {
        name: 'a typo in a field name: the key',
        text: pod('livenesProbe:\n  tcpSocket: {port: 80}'),
        want: [{ at: '9:7-9:19', token: 'livenesProbe' }],
      },
      { name: 'a number where a string goes', text: pod('env:\n  - name: PORT\n    value: 8080'), want: ['8080'] },
      { name: 'a quoted boolean', text: pod('securityContext:\n  privileged: "false"'), want: ['"false"'] },
      { name: 'a quoted number', text: deployment('', '', 'replicas: "2"'), want: ['"2"'] },
      {
        name: 'a malformed quantity',
        text: pod('resources:\n  limits:\n    memory: 512MB\n    cpu: 500m'),
        want: ['512MB'],
      },
      { name: 'an invalid enum value', text: pod('imagePullPolicy: always'), want: ['always'] },
      {
        name: 'a port out of range',
        text: pod('ports:\n  - containerPort: 0\n  - containerPort: 65536'),
        want: ['0', '65536'],
      },
      {
        name: 'a missing required field: the list item',
        text: pod('ports:\n  - name: http\n    protocol: TCP'),
        want: ['name'],
      },
      {
        name: 'a missing required field of a nested object: its key',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template: {}\n',
        want: ['spec'],
      },
      {
        name: 'a missing required field of the object: the kind',
        text: 'apiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: web}\n',
        want: ['ControllerRevision'],
      },
      { name: 'a list where a mapping goes', text: pod('resources: []'), want: ['[]'] },
      { name: 'a scalar where a list goes', text: pod('args: --verbose'), want: ['--verbose'] },
      {
        name: 'a label value that YAML reads as a number',
        text: pod().replace('  name: web\n', '  name: web\n  labels:\n    version: 1.0\n'),
        want: ['1.0'],
      },
      {
        name: 'a built-in kind under the wrong apiVersion',
        text: 'apiVersion: v1\nkind: Deployment\nmetadata: {name: web}\n',
        want: ['v1'],
      },
      {
        name: 'a YAML 1.1 boolean where a string goes',
        text: pod('env:\n  - name: FEATURE\n    value: on'),
        want: ['on'],
      },
      { name: 'a YAML 1.1 boolean where a boolean goes', text: pod('stdin: yes\ntty: "true"'), want: ['"true"'] },
      { name: 'a quoted yes is a string', text: pod('env:\n  - name: FEATURE\n    value: "yes"'), want: [] },
      {
        name: 'a valid Deployment',
        text: deployment(
          'ports:\n  - {name: http, containerPort: 8080}\nresources:\n  requests: {cpu: 100m, memory: 128Mi}\n  limits: {memory: 1Gi, cpu: 2}',
        ),
        want: [],
      },
      {
        name: 'Service with a named targetPort',
        text: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: ClusterIP\n  selector: {app: web}\n  ports:\n    - {port: 80, targetPort: http}\n',
        want: [],
      },
      { name: 'null values are empty fields', text: pod('env:\ncommand:'), want: [] },
      { name: 'status as kubectl wrote it', text: `${pod()}status:\n  phase: Running\n  anything: [1, 2]\n`, want: [] },
      {
        name: 'an unknown kind (a CRD) gets no errors',
        text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {anything: 1}\n',
        want: [],
      },
      {
        name: 'a known kind under a CRD group is not ours',
        text: 'apiVersion: apps.openshift.io/v1\nkind: Deployment\nmetadata: {name: w}\nspec: {anything: 1}\n',
        want: [],
      },
      {
        name: 'an older served version',
        text: 'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  maxReplicas: 3\n  targetCPUUtilizationPercentage: 80\n',
        want: [],
      },
      {
        name: 'merge keys and aliases',
        text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: &meta\n  name: a\ndata:\n  k: v\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: *meta\n',
        want: [],
      },
      {
        name: 'a kustomize patch is a piece of an object: no required fields',
        path: '/repo/overlays/prod/replicas.yaml',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
        want: [],
        options: {
          files: {
            '/repo/overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: replicas.yaml\n',
          },
        },
      },
      {
        name: 'the same piece outside any kustomization is held to the whole object',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n',
        want: ['spec', 'spec'], // selector and template
      },
      {
        name: 'a strategic-merge patch with $patch directives',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          resources:\n            $patch: delete\n',
        want: [],
      },
      {
        name: 'a base whose selector kustomize adds (labels with includeSelectors)',
        path: '/repo/base/deployment.yaml',
        text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: app, image: nginx:1.27}]\n',
        want: [],
        options: {
          files: {
            '/repo/base/kustomization.yaml':
              'resources: [deployment.yaml]\nlabels:\n  - pairs: {app: web}\n    includeSelectors: true\n',
          },
        },
      },
      {
        name: 'roleRef.apiGroup is filled in by the API server',
        text: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: r}\nroleRef: {kind: Role, name: reader}\nsubjects: [{kind: ServiceAccount, name: app}]\n',
        want: [],
      },
      {
        name: 'a document that does not parse gets syntax errors, not schema errors',
        text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n     image: nginx\n   bogus: 1\n',
        want: [],
      },
      {
        name: 'kind: List items are validated',
        text: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n    dat: {}\n',
        want: ['dat'],
      },
    ],
    test,
  );

  test('messages say what is wrong and what was meant', () => {
    assert.deepEqual(messages(pod('livenesProbe: {}')), [
      "Unknown field 'livenesProbe' in Container: did you mean 'livenessProbe'?",
    ]);
    assert.deepEqual(messages(pod('imagePullPolicy: always')), [
      "'imagePullPolicy' must be one of Always, IfNotPresent, Never: did you mean 'Always'?",
    ]);
    assert.deepEqual(messages('apiVersion: v1\nkind: Deployment\nmetadata: {name: web}\n'), [
      'Deployment is not served by apiVersion v1: use apps/v1.',
    ]);
  });
});
