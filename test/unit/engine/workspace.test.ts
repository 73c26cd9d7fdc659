import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gitlabLocalIncludes } from '../../../server/src/engine/gitlab-includes';
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

describe('workspace: GitLab include lists, read without parsing where they cannot be', () => {
  test('a root with no include key, with one, and with one spelt with escapes', () => {
    assert.deepEqual(gitlabLocalIncludes('/r', JOB), []);
    assert.deepEqual(gitlabLocalIncludes('/r', '# includes nothing\nbuild:\n  script: make\n'), []);
    assert.deepEqual(gitlabLocalIncludes('/r', 'include: ci/a.yml\n'), ['/r/ci/a.yml']);
    assert.deepEqual(gitlabLocalIncludes('/r', '"\\x69nclude": ci/a.yml\n'), ['/r/ci/a.yml']);
    assert.deepEqual(gitlabLocalIncludes('/r', '"incl\\u0075de": [{local: /ci/b.yml}]\n'), ['/r/ci/b.yml']);
  });
});

describe('workspace: files by base name', () => {
  test('added, changed, deleted and added again, across folders and names', () => {
    const workspace = new Workspace();
    const named = (...names: string[]) =>
      [...workspace.textsNamed(names)].map(({ path, text }) => `${path}=${text.trim()}`);
    workspace.set('/r/base/kustomization.yaml', 'resources: [a.yaml]\n');
    workspace.set('/r/base/a.yaml', 'kind: Service\n');
    workspace.set('C:\\r\\prod\\kustomization.yaml', 'resources: [../base]\n');
    workspace.set('/r/dev/Kustomization', 'resources: []\n');
    assert.deepEqual(named('kustomization.yaml'), [
      '/r/base/kustomization.yaml=resources: [a.yaml]',
      'C:/r/prod/kustomization.yaml=resources: [../base]',
    ]);
    assert.deepEqual(named('Kustomization', 'kustomization.yaml', 'Kustomization'), [
      '/r/dev/Kustomization=resources: []',
      '/r/base/kustomization.yaml=resources: [a.yaml]',
      'C:/r/prod/kustomization.yaml=resources: [../base]',
    ]);
    workspace.set('/r/base/kustomization.yaml', 'resources: [b.yaml]\n');
    workspace.delete('C:\\r\\prod\\kustomization.yaml');
    assert.deepEqual(named('kustomization.yaml'), ['/r/base/kustomization.yaml=resources: [b.yaml]']);
    workspace.delete('/r/base/kustomization.yaml');
    assert.deepEqual(named('kustomization.yaml'), []);
    workspace.set('/r/base/kustomization.yaml', 'resources: []\n');
    assert.deepEqual(named('kustomization.yaml', 'a.yaml'), [
      '/r/base/kustomization.yaml=resources: []',
      '/r/base/a.yaml=kind: Service',
    ]);
  });
});

describe('workspace: files by kind and by folder', () => {
  test('added, changed into another kind, deleted and added again', () => {
    const workspace = new Workspace();
    const ofKind = (kind: 'kubernetes' | 'gitlab-ci') => [...workspace.files(kind)].map((file) => file.path);
    const inFolder = (folder: string) => [...workspace.filesIn(folder, 'kubernetes')].map((file) => file.path);
    workspace.set('/r/k8s/web.yaml', DEPLOYMENT);
    workspace.set('/r/k8s/notes.yaml', 'title: not a manifest\n');
    workspace.set('/r/k8s/deep/api.yaml', DEPLOYMENT);
    workspace.set('C:\\r\\k8s\\win.yaml', DEPLOYMENT);
    assert.deepEqual(ofKind('kubernetes'), ['/r/k8s/web.yaml', '/r/k8s/deep/api.yaml', 'C:/r/k8s/win.yaml']);
    assert.deepEqual(inFolder('/r/k8s'), ['/r/k8s/web.yaml']);
    assert.deepEqual(inFolder('C:/r/k8s'), ['C:/r/k8s/win.yaml']);
    workspace.set('/r/k8s/notes.yaml', DEPLOYMENT);
    workspace.set('/r/k8s/web.yaml', 'title: no longer a manifest\n');
    assert.deepEqual(inFolder('/r/k8s'), ['/r/k8s/notes.yaml']);
    assert.deepEqual(ofKind('kubernetes'), ['/r/k8s/notes.yaml', '/r/k8s/deep/api.yaml', 'C:/r/k8s/win.yaml']);
    workspace.delete('/r/k8s/notes.yaml');
    workspace.set('/r/k8s/web.yaml', DEPLOYMENT);
    assert.deepEqual(inFolder('/r/k8s'), ['/r/k8s/web.yaml']);
    workspace.set('/r/k8s/notes.yaml', DEPLOYMENT);
    assert.deepEqual(inFolder('/r/k8s'), ['/r/k8s/web.yaml', '/r/k8s/notes.yaml'], 'added back: last, as in files()');
    assert.deepEqual(inFolder('/r/k8s/deep'), ['/r/k8s/deep/api.yaml']);
    assert.deepEqual(inFolder('/r/other'), []);
  });

  test('a file that becomes GitLab CI when another starts including it', () => {
    const workspace = new Workspace();
    workspace.set('/r/.gitlab-ci.yml', JOB);
    workspace.set('/r/ci/a.yml', JOB);
    assert.deepEqual(
      [...workspace.files('gitlab-ci')].map((file) => file.path),
      ['/r/.gitlab-ci.yml'],
    );
    workspace.set('/r/.gitlab-ci.yml', `include: ci/a.yml\n${JOB}`);
    assert.deepEqual(
      [...workspace.files('gitlab-ci')].map((file) => file.path),
      ['/r/.gitlab-ci.yml', '/r/ci/a.yml'],
    );
    assert.deepEqual(
      [...workspace.filesIn('/r/ci', 'gitlab-ci')].map((file) => file.path),
      ['/r/ci/a.yml'],
    );
  });
});
