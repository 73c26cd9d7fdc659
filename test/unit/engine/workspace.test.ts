import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Workspace } from '../../../server/src/engine/workspace';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n';
const JOB = 'build:\n  script: make\n';

describe('workspace: GitLab include lists', () => {
  test('a file included through another is GitLab CI, whatever order the files arrive in', () => {
    const workspace = new Workspace();
    workspace.set('/r/.gitlab-ci.yml', 'include: ci/a.yml\n');
    workspace.set('/r/ci/b.yml', JOB);
    assert.equal(workspace.parsed('/r/ci/b.yml'), undefined, 'nothing includes b yet');
    workspace.set('/r/ci/a.yml', 'include:\n  - local: ci/b.yml\n');
    assert.equal(workspace.parsed('/r/ci/b.yml')?.kind, 'gitlab-ci');
    workspace.delete('/r/ci/a.yml');
    assert.equal(workspace.parsed('/r/ci/b.yml'), undefined, 'its includer is gone');
  });

  test('editing .gitlab-ci.yml without changing its includes re-parses no other file', () => {
    const workspace = new Workspace();
    workspace.set('/r/.gitlab-ci.yml', `include: ci/a.yml\n${JOB}`);
    workspace.set('/r/ci/a.yml', JOB);
    workspace.set('/r/k8s/web.yaml', DEPLOYMENT);
    const manifest = workspace.parsed('/r/k8s/web.yaml');
    const included = workspace.parsed('/r/ci/a.yml');
    workspace.set('/r/.gitlab-ci.yml', `include: ci/a.yml\n${JOB}  stage: test\n`);
    assert.equal(workspace.parsed('/r/k8s/web.yaml'), manifest);
    assert.equal(workspace.parsed('/r/ci/a.yml'), included);
    workspace.set('/r/.gitlab-ci.yml', JOB);
    assert.equal(workspace.parsed('/r/ci/a.yml'), undefined, 'no longer included');
    assert.equal(workspace.parsed('/r/k8s/web.yaml'), manifest);
  });
});
