import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Linter } from '../../../server/src/engine/linter';
import type { Host } from '../../../server/src/engine/types';
import { Workspace } from '../../../server/src/engine/workspace';
import { registry } from '../../../server/src/rules';

const manifest = (name: string, replicas = 1) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: [{name: app, image: 'nginx:1.27'}]\n`;

describe('workspace: a bounded number of parses (the CLI checks each file once)', () => {
  test('the least recently used parse goes, the file being checked stays', () => {
    const workspace = new Workspace();
    workspace.keepParses(2);
    for (const name of ['a', 'b', 'c']) workspace.set(`/r/${name}/Dockerfile`, 'FROM alpine:3.20\n');
    workspace.checking('/r/a/Dockerfile');
    const a = workspace.parsed('/r/a/Dockerfile');
    const b = workspace.parsed('/r/b/Dockerfile');
    workspace.parsed('/r/c/Dockerfile');
    assert.equal(workspace.parsed('/r/a/Dockerfile'), a, 'the file being checked keeps its parse');
    assert.notEqual(workspace.parsed('/r/b/Dockerfile'), b, 'b was let go, and parsed again');
    assert.deepEqual(workspace.parsed('/r/b/Dockerfile'), b, 'to the same result');
  });

  test('a kind read whole, and the files of a folder read together, are kept', () => {
    const workspace = new Workspace();
    workspace.keepParses(1);
    for (const name of ['a', 'b', 'c']) workspace.set(`/r/k8s/${name}.yaml`, manifest(name));
    const folder = [...workspace.filesIn('/r/k8s', 'kubernetes')];
    assert.deepEqual([...workspace.filesIn('/r/k8s', 'kubernetes')], folder);
    assert.ok(folder.every((file, i) => file === [...workspace.filesIn('/r/k8s', 'kubernetes')][i]));
    workspace.set('/r/.gitlab-ci.yml', 'build:\n  script: make\n');
    workspace.set('/r/x/.gitlab-ci.yml', 'test:\n  script: make test\n');
    const pipelines = [...workspace.files('gitlab-ci')];
    // More files than the folder read made room for.
    for (let i = 0; i < 8; i++) workspace.set(`/r/d${i}/Dockerfile`, 'FROM alpine:3.20\n');
    for (let i = 0; i < 8; i++) assert.ok(workspace.parsed(`/r/d${i}/Dockerfile`));
    assert.ok(pipelines.every((file, i) => file === [...workspace.files('gitlab-ci')][i]));
  });

  test('findings are the same with one parse kept as with all', () => {
    const files: Record<string, string> = {
      '/r/app/compose.yaml': 'services:\n  web:\n    image: a:1\n    depends_on: {db: {condition: service_healthy}}\n',
      '/r/app/compose.override.yaml': 'services:\n  db:\n    image: postgres:17\n',
      '/r/k8s/web.yaml': manifest('web', 3),
      '/r/k8s/api.yaml': manifest('api', 2),
      '/r/k8s/pdb.yaml':
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: web}}\n',
      '/r/.gitlab-ci.yml': 'include: ci/jobs.yml\ndefault:\n  timeout: 10m\n',
      '/r/ci/jobs.yml': 'build:\n  extends: .base\n  script: npm ci\n.base:\n  image: node:22\n',
      '/r/Dockerfile': 'FROM node:22\nRUN npm install\n',
    };
    const host: Host = { readFile: (path) => files[path], exists: (path) => path in files };
    const findings = (limit?: number) => {
      const linter = new Linter(registry, host);
      for (const [path, text] of Object.entries(files)) linter.workspace.set(path, text);
      if (limit !== undefined) linter.workspace.keepParses(limit);
      return Object.keys(files).flatMap((path) => linter.lint(path).findings);
    };
    const all = findings();
    assert.ok(all.some((f) => f.ruleId === 'compose/healthcheck-dependency'));
    assert.ok(all.some((f) => f.ruleId === 'kubernetes/pod-disruption-budget'));
    assert.ok(all.some((f) => f.ruleId === 'gitlab-ci/dependency-cache'));
    assert.deepEqual(findings(1), all);
  });
});
