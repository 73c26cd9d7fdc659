import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Linter } from '../../../../server/src/engine/linter';
import type { Host } from '../../../../server/src/engine/types';
import { registry } from '../../../../server/src/rules';
import { checkCases } from '../../../helpers/lint';
import { kustomization } from './manifests';
import { WORKLOADS } from './cross-file';

const pdb = (labels: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {${labels}}
`;

describe('kubernetes/pod-disruption-budget', () => {
  checkCases(
    'kubernetes/pod-disruption-budget',
    '/repo/k8s/deployment.yaml',
    [
      { name: 'three replicas and no budget', text: WORKLOADS, want: [{ at: '6:13-6:14', token: '3' }] },
      {
        name: 'a budget for other pods',
        text: WORKLOADS,
        want: ['3'],
        options: { files: { '/repo/k8s/pdb.yaml': pdb('app: api'), ...kustomization('deployment.yaml', 'pdb.yaml') } },
      },
      {
        name: 'a budget in another file',
        text: WORKLOADS,
        want: [],
        options: { files: { '/repo/k8s/pdb.yaml': pdb('app: web'), ...kustomization('deployment.yaml', 'pdb.yaml') } },
      },
      { name: 'a budget in the same file', text: `${WORKLOADS}---\n${pdb('tier: frontend')}`, want: [] },
      { name: 'one replica needs no budget', text: WORKLOADS.replace('replicas: 3', 'replicas: 1'), want: [] },
      { name: 'replicas not written', text: WORKLOADS.replace('  replicas: 3\n', ''), want: [] },
    ],
    test,
  );
});

describe('kubernetes/pod-disruption-budget: one workspace edited between checks (as in the editor)', () => {
  test('a budget added to, then removed from, the folder of a manifest no kustomization lists', () => {
    const files: Record<string, string> = { '/repo/k8s/deployment.yaml': WORKLOADS };
    const host: Host = { readFile: (path) => files[path], exists: (path) => path in files };
    const linter = new Linter(registry, host);
    linter.workspace.set('/repo/k8s/deployment.yaml', WORKLOADS);
    linter.workspace.set('/repo/other/pdb.yaml', pdb('app: web'));
    const reported = () =>
      linter.lint('/repo/k8s/deployment.yaml').findings.filter((f) => f.ruleId === 'kubernetes/pod-disruption-budget');
    assert.equal(reported().length, 1, 'a budget in another folder does not count');
    linter.workspace.set('/repo/k8s/pdb.yaml', pdb('app: web'));
    assert.equal(reported().length, 0, 'the budget now in the same folder');
    linter.workspace.set('/repo/k8s/pdb.yaml', pdb('app: api'));
    assert.equal(reported().length, 1, 'the budget changed to other pods');
    linter.workspace.set('/repo/k8s/pdb.yaml', pdb('app: web'));
    assert.equal(reported().length, 0);
    linter.workspace.delete('/repo/k8s/pdb.yaml');
    assert.equal(reported().length, 1, 'the budget removed');
  });
});
