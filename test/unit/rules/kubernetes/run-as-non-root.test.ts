import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';
import { deployment, pod } from './manifests';

describe('kubernetes/run-as-non-root', () => {
  checkCases(
    'kubernetes/run-as-non-root',
    '/repo/k8s/web.yaml',
    [
      { name: 'no security context: the container name', text: pod(), want: [{ at: '7:13-7:16', token: 'app' }] },
      {
        name: 'runAsNonRoot: false',
        text: pod('securityContext:\n  runAsNonRoot: false'),
        want: ['runAsNonRoot: false'],
      },
      {
        name: 'runAsUser: 0 at pod level',
        text: deployment('', 'securityContext:\n  runAsUser: 0'),
        want: ['runAsUser: 0'],
      },
      {
        name: 'runAsGroup: 0 with a non-root user',
        text: pod('securityContext:\n  runAsUser: 1000\n  runAsGroup: 0'),
        want: ['runAsGroup: 0'],
      },
      {
        name: 'init containers are checked too',
        text: pod('securityContext: {runAsNonRoot: true}', 'initContainers:\n  - name: migrate\n    image: app:1'),
        want: ['migrate'],
      },
      { name: 'container runAsNonRoot: true', text: pod('securityContext:\n  runAsNonRoot: true'), want: [] },
      {
        name: 'pod-level runAsNonRoot: true',
        text: deployment('', 'securityContext:\n  runAsNonRoot: true'),
        want: [],
      },
      { name: 'non-zero runAsUser', text: pod('securityContext:\n  runAsUser: 10001'), want: [] },
      {
        name: 'container overrides a root pod setting',
        text: pod('securityContext:\n  runAsUser: 1000', 'securityContext:\n  runAsUser: 0'),
        want: [],
      },
      {
        name: 'pod runAsNonRoot: false, container runAsNonRoot: true',
        text: pod('securityContext:\n  runAsNonRoot: true', 'securityContext:\n  runAsNonRoot: false'),
        want: [],
      },
      {
        name: 'not a workload',
        text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n',
        want: [],
      },
      {
        name: 'kube-linter annotation suppresses it',
        text: pod().replace(
          '  name: web\n',
          '  name: web\n  annotations:\n    ignore-check.kube-linter.io/run-as-non-root: "init"\n',
        ),
        want: [],
      },
      {
        name: 'shipshape-ignore suppresses it',
        text: pod().replace('    - name: app', '    # shipshape-ignore kubernetes/run-as-non-root\n    - name: app'),
        want: [],
      },
    ],
    test,
  );
});
