import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classify } from '../../../server/src/engine/classify';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n';

describe('classify', () => {
  const cases: Array<[string, string, string | undefined, string?]> = [
    ['/r/Dockerfile', 'FROM a', 'dockerfile'],
    ['/r/Containerfile', '', 'dockerfile'],
    ['/r/api.Dockerfile', '', 'dockerfile'],
    ['/r/Dockerfile.prod', '', 'dockerfile'],
    ['/r/build/dockerfile', '', 'dockerfile'],
    ['/r/Dockerfile.dockerignore', '', undefined],
    ['/r/snippets/dockerfile.json', '{}', undefined],
    ['/r/docs/Dockerfile.md', '# notes', undefined],
    ['/r/Dockerfile.alpine', '', 'dockerfile'],
    ['/r/Containerfile.ubi9', '', 'dockerfile'],
    ['/r/untitled-1', 'FROM a', 'dockerfile', 'dockerfile'],
    ['/r/.github/workflows/ci.yml', 'on: push', 'github-actions'],
    ['/r/.github/workflows/deploy.yaml', POD, 'github-actions'],
    ['/r/.github/workflows/sub/ci.yml', 'on: push', undefined],
    ['/r/action.yml', 'runs: {using: node20}', 'github-actions'],
    ['/r/.gitlab-ci.yml', 'stages: [build]', 'gitlab-ci'],
    ['/r/compose.yaml', 'services: {}', 'compose'],
    ['/r/compose.override.yaml', 'services: {}', 'compose'],
    ['/r/docker-compose.yml', 'services: {}', 'compose'],
    ['/r/docker-compose.prod.yml', 'services: {}', 'compose'],
    ['/r/.shipshape.yaml', 'rules: {}', 'shipshape'],
    ['/r/k8s/pod.yaml', POD, 'kubernetes'],
    ['/r/k8s/multi.yaml', `# comment\n---\nfoo: bar\n---\n${POD}`, 'kubernetes'],
    ['/r/k8s/broken.yaml', 'apiVersion: v1\nkind: Pod\nspec: [\n', 'kubernetes'],
    ['/r/rollout.yml', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\n', 'kubernetes'],
    ['/r/chart/templates/deploy.yaml', `${POD}  name: {{ .Values.name }}\n`, undefined],
    ['/r/chart/templates/plain.yaml', POD, 'kubernetes'],
    ['/r/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n', undefined],
    ['/r/config/app.yaml', 'port: 8080\n', undefined],
    ['/r/README.md', POD, undefined],
    ['C:\\r\\.github\\workflows\\ci.yml', 'on: push', 'github-actions'],
  ];
  for (const [path, text, kind, languageId] of cases) {
    test(`${path} → ${kind ?? 'not ours'}`, () => {
      assert.equal(classify({ path, text, languageId })?.kind, kind);
    });
  }
  test('files a .gitlab-ci.yml includes locally are GitLab CI', () => {
    assert.equal(
      classify({
        path: '/r/ci/build.yml',
        text: 'build: {script: [make]}',
        gitlabIncludes: new Set(['/r/ci/build.yml']),
      })?.kind,
      'gitlab-ci',
    );
  });
  test('action metadata and workflows are told apart', () => {
    assert.equal(classify({ path: '/r/action.yaml', text: '' })?.flavor, 'action');
    assert.equal(classify({ path: '/r/.github/workflows/a.yml', text: '' })?.flavor, 'workflow');
  });
});
