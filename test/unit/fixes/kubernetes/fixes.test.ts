import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyFix, fixTitles, lint } from '../../../helpers/lint';

const PATH = '/repo/k8s/web.yaml';

/** Apply a fix, check the result is still valid YAML and that the finding it fixed is gone. */
function fixed(text: string, ruleId: string, title: string): string {
  const result = applyFix(PATH, text, ruleId, title);
  for (const document of parseAllDocuments(result) as ReturnType<typeof parseAllDocuments> & unknown[]) {
    assert.deepEqual(document.errors, [], `valid YAML:\n${result}`);
  }
  return result;
}

const deployment = (container: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27
${container}        - name: sidecar
          image: envoy:1.31
`;

describe('kubernetes security context fixes', () => {
  test('adds a hardened securityContext at the container indentation', () => {
    const result = fixed(deployment(''), 'kubernetes/run-as-non-root', 'Add a hardened securityContext');
    assert.equal(
      result,
      deployment(`          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities:
              drop: [ALL]
`),
    );
    assert.equal(
      lint(PATH, result).filter((f) => f.ruleId === 'kubernetes/run-as-non-root').length,
      1,
      'only the sidecar is left',
    );
  });

  test('sets one field inside an existing securityContext', () => {
    const text = deployment('          securityContext:\n            runAsUser: 1000\n');
    assert.equal(
      fixed(text, 'kubernetes/read-only-root-filesystem', 'Set readOnlyRootFilesystem: true'),
      deployment('          securityContext:\n            runAsUser: 1000\n            readOnlyRootFilesystem: true\n'),
    );
    assert.ok(
      !fixTitles(PATH, text, 'kubernetes/read-only-root-filesystem').some((t) => t.includes('hardened')),
      'no second securityContext',
    );
  });

  test('replaces a wrong value', () => {
    const text = deployment('          securityContext:\n            allowPrivilegeEscalation: true # legacy\n');
    assert.equal(
      fixed(text, 'kubernetes/no-privilege-escalation', 'Set allowPrivilegeEscalation: false'),
      deployment('          securityContext:\n            allowPrivilegeEscalation: false # legacy\n'),
    );
  });

  test('replaces a partial drop list with ALL', () => {
    const text = deployment(
      '          securityContext:\n            capabilities:\n              drop:\n                - NET_RAW\n',
    );
    assert.equal(
      fixed(text, 'kubernetes/drop-capabilities', 'Drop all capabilities'),
      deployment('          securityContext:\n            capabilities:\n              drop: [ALL]\n'),
    );
  });

  test('no fix inside a flow mapping', () => {
    const text = deployment('          securityContext: {runAsUser: 1000}\n');
    assert.deepEqual(
      fixTitles(PATH, text, 'kubernetes/read-only-root-filesystem').filter((t) => !t.startsWith('Ignore')),
      [],
    );
  });
});

describe('kubernetes resources fix', () => {
  test('inserts requests with placeholders', () => {
    assert.equal(
      fixed(deployment(''), 'kubernetes/resource-requests', 'Add resource requests'),
      deployment('          resources:\n            requests:\n              cpu: 100m\n              memory: 128Mi\n'),
    );
  });

  test('adds the missing limit to existing resources', () => {
    const text = deployment('          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n');
    assert.equal(
      fixed(text, 'kubernetes/resource-limits', 'Add resource limits'),
      deployment(
        '          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n            limits:\n              memory: 256Mi\n',
      ),
    );
  });
});

describe('kubernetes probe fix', () => {
  test('uses the declared port name', () => {
    const text = deployment('          ports:\n            - name: http\n              containerPort: 8080\n');
    assert.equal(
      fixed(text, 'kubernetes/liveness-probe', 'Add a livenessProbe on port http'),
      deployment(
        '          ports:\n            - name: http\n              containerPort: 8080\n          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n            periodSeconds: 10\n',
      ),
    );
  });

  test('a placeholder port when none is declared', () => {
    assert.equal(
      fixed(deployment(''), 'kubernetes/readiness-probe', 'Add a readinessProbe'),
      deployment(
        '          readinessProbe:\n            httpGet:\n              path: /ready\n              port: 8080\n            periodSeconds: 10\n',
      ),
    );
  });
});

describe('kubernetes schema and image fixes', () => {
  test('renames an unknown field to the suggestion', () => {
    const text = deployment('          livenesProbe:\n            tcpSocket: {port: 80}\n');
    assert.equal(
      fixed(text, 'kubernetes/schema', "Rename 'livenesProbe' to 'livenessProbe'"),
      deployment('          livenessProbe:\n            tcpSocket: {port: 80}\n'),
    );
  });

  test('replaces latest with a tag placeholder', () => {
    const text = deployment('').replace('nginx:1.27', 'nginx:latest');
    assert.equal(
      fixed(text, 'kubernetes/image-tag', 'Replace latest'),
      deployment('').replace('nginx:1.27', 'nginx:1.0.0'),
    );
  });

  test('adds a tag to an untagged quoted image', () => {
    const text = deployment('').replace('nginx:1.27', '"nginx"');
    assert.equal(
      fixed(text, 'kubernetes/image-tag', 'Add a version tag'),
      deployment('').replace('nginx:1.27', '"nginx:1.0.0"'),
    );
  });
});
