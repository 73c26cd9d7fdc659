import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { generateKubernetesCatalogue, renderCatalogue } from '../../../../scripts/generate-kubernetes-schema';

test('schemas/kubernetes/catalogue.json is up to date (npm run generate:kubernetes)', () => {
  const checkedIn = readFileSync('schemas/kubernetes/catalogue.json', 'utf8');
  const generated = renderCatalogue(generateKubernetesCatalogue());
  assert.ok(generated === checkedIn, 'the catalogue differs from a fresh generation: run npm run generate:kubernetes');
});

test('the catalogue covers the API versions in use', () => {
  const { kinds } = generateKubernetesCatalogue();
  for (const key of [
    'v1 Pod',
    'v1 Service',
    'apps/v1 Deployment',
    'batch/v1 CronJob',
    'networking.k8s.io/v1 Ingress',
    'policy/v1 PodDisruptionBudget',
    'autoscaling/v2 HorizontalPodAutoscaler',
    'rbac.authorization.k8s.io/v1 ClusterRole',
  ]) {
    assert.ok(kinds[key], key);
  }
});
