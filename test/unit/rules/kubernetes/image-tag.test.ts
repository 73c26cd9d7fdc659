import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

const deployment = (image: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: ${image}
${extra}`;

describe('kubernetes/image-tag', () => {
  checkCases(
    'kubernetes/image-tag',
    '/repo/k8s/web.yaml',
    [
      { name: 'latest', text: deployment('nginx:latest'), want: [{ at: '10:24-10:30', token: 'latest' }] },
      {
        name: 'untagged',
        text: deployment('registry.example.com:5000/team/app'),
        want: ['registry.example.com:5000/team/app'],
      },
      { name: 'quoted', text: deployment('"nginx"'), want: ['"nginx"'] },
      {
        name: 'quoted latest: just the tag',
        text: deployment('"nginx:latest"'),
        want: [{ at: '10:25-10:31', token: 'latest' }],
      },
      { name: 'LATEST in capitals', text: deployment('nginx:LATEST'), want: ['LATEST'] },
      { name: 'latest behind a registry port', text: deployment('localhost:5000/app:latest'), want: ['latest'] },
      { name: 'a tag that contains latest is a real tag', text: deployment('nginx:latest-alpine3.20'), want: [] },
      {
        name: 'requireDigest: a tag without digest',
        text: deployment('nginx:1.27'),
        want: ['nginx:1.27'],
        options: { settings: { 'kubernetes/image-tag': { options: { requireDigest: true } } } },
      },
      { name: 'tagged', text: deployment('nginx:1.27.2'), want: [] },
      {
        name: 'digest',
        text: deployment('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'),
        want: [],
      },
      {
        name: 'init and ephemeral containers',
        text: deployment('nginx:1.27', '      initContainers:\n        - name: init\n          image: busybox\n'),
        want: ['busybox'],
      },
      {
        name: 'Pod, CronJob and a CRD with a pod template',
        text: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: "alpine"}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: busybox:latest
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: r}
spec:
  template:
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/app
`,
        want: ['"alpine"', 'latest', 'ghcr.io/acme/app'],
      },
      {
        name: 'kind: List items',
        text: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec:\n      containers:\n        - {name: a, image: redis}\n',
        want: ['redis'],
      },
      {
        name: 'a PEM block with --- inside is not a document separator',
        text: `apiVersion: v1
kind: Secret
metadata: {name: tls}
stringData:
  tls.crt: |
    -----BEGIN CERTIFICATE-----
    MIIB
    ---
    -----END CERTIFICATE-----
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: "redis:7"}]
`,
        want: [],
      },
    ],
    test,
  );
});
