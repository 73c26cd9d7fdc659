/**
 * Every Kubernetes rule honours in-place suppression: `# shipshape-ignore-file <rule>`, and the
 * kube-linter annotation for each of its kube-linter aliases (matched through `aliases`).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../../../helpers/lint';
import { registry } from '../../../../server/src/rules';
import { deployment, pod } from './manifests';

const PATH = '/repo/k8s/web.yaml';

/** A manifest on which each rule fires (the first object carries the annotations). */
const FIRING: Record<string, string> = {
  'kubernetes/schema': pod('livenesProbe: {}'),
  'kubernetes/image-tag': pod().replace('nginx:1.27', 'nginx:latest'),
  'kubernetes/run-as-non-root': pod(),
  'kubernetes/no-privilege-escalation': pod(),
  'kubernetes/read-only-root-filesystem': pod(),
  'kubernetes/drop-capabilities': pod(),
  'kubernetes/privileged': pod('securityContext: {privileged: true}'),
  'kubernetes/host-namespaces': pod('', 'hostNetwork: true'),
  'kubernetes/host-path': pod('', 'volumes:\n  - name: d\n    hostPath: {path: /var/run/docker.sock}'),
  'kubernetes/secret-in-env': pod('env:\n  - {name: DB_PASSWORD, value: hunter2}'),
  'kubernetes/resource-requests': pod(),
  'kubernetes/resource-limits': pod(),
  'kubernetes/liveness-probe': pod(),
  'kubernetes/readiness-probe': pod(),
  'kubernetes/probe-port': pod('livenessProbe: {tcpSocket: {port: http}}'),
  'kubernetes/image-pull-policy': pod('imagePullPolicy: Never').replace('nginx:1.27', 'nginx'),
  'kubernetes/replicas': deployment('', '', 'replicas: 1'),
  'kubernetes/rolling-update': deployment('', '', 'strategy:\n  rollingUpdate: {maxUnavailable: 1}'),
  'kubernetes/service-selector': `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector: {app: nope}\n---\n${deployment()}`,
  // A Deployment applied with it, so that a missing target is evidence rather than "defined elsewhere".
  'kubernetes/hpa-target': `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: nope}\n  maxReplicas: 3\n---\n${deployment()}`,
  'kubernetes/pod-disruption-budget': deployment('', '', 'replicas: 3'),
  'kubernetes/pdb-blocks-eviction':
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  maxUnavailable: 0\n',
  'kubernetes/duplicate-object':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
  'kubernetes/selector-mismatch': deployment().replace(
    '    matchLabels:\n      app: web',
    '    matchLabels:\n      app: api',
  ),
};

/** Put annotations on the first object's metadata. */
function annotate(text: string, annotations: string): string {
  return text.replace(/^metadata:\n( {2}name: .*\n)/m, `metadata:\n$1  annotations:\n${annotations}`);
}

describe('suppression of every Kubernetes rule', () => {
  const rules = registry.forKind('kubernetes').filter((rule) => rule.id !== 'kubernetes/syntax');
  test('every rule has a firing sample', () => {
    assert.deepEqual(
      rules.map((rule) => rule.id).filter((id) => !FIRING[id]),
      [],
    );
  });
  for (const rule of rules) {
    const text = FIRING[rule.id];
    if (!text) continue;
    const count = (source: string) => lint(PATH, source).filter((f) => f.ruleId === rule.id).length;
    test(`${rule.id}: fires, and shipshape-ignore-file suppresses it`, () => {
      assert.ok(count(text) > 0, 'the sample fires');
      assert.equal(count(`# shipshape-ignore-file ${rule.id}\n${text}`), 0);
    });
    for (const alias of rule.aliases.filter((a) => a.startsWith('kube-linter:') && a !== 'kube-linter:kubeconform')) {
      test(`${rule.id}: the ${alias} annotation suppresses it on the object`, () => {
        const check = alias.slice('kube-linter:'.length);
        const annotated = annotate(text, `    ignore-check.kube-linter.io/${check}: "reason"\n`);
        assert.notEqual(annotated, text, 'the annotation was added');
        const before = count(text);
        const after = count(annotated);
        assert.ok(after < before, `${before} findings before, ${after} after`);
      });
    }
  }
});
