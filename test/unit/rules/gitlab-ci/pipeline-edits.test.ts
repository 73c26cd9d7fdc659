import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editedWorkspace } from '../../../helpers/edited-workspace';

const TIMEOUT = 'gitlab-ci/job-timeout';
const JOB = 'test:\n  extends: .base\n  script: make test\n';

describe('gitlab-ci pipeline: one workspace edited between checks (as in the editor)', () => {
  test('the root of an included file changes, and the file that includes it', () => {
    const workspace = editedWorkspace();
    workspace.set('/repo/.gitlab-ci.yml', 'include: ci/a.yml\ndefault:\n  timeout: 20m\n');
    workspace.set('/repo/ci/a.yml', 'include: ci/b.yml\n.base:\n  image: node:22\n');
    workspace.set('/repo/ci/b.yml', JOB);
    const missing = () => workspace.findings('/repo/ci/b.yml', TIMEOUT).length;
    assert.equal(missing(), 0, 'the root sets a default timeout');
    workspace.set('/repo/.gitlab-ci.yml', 'include: ci/a.yml\n');
    assert.equal(missing(), 1, 'the default removed from the root');
    workspace.set('/repo/ci/a.yml', 'include: ci/b.yml\n.base:\n  timeout: 5m\n');
    assert.equal(missing(), 0, 'the template in the middle file sets one');
    workspace.set('/repo/ci/a.yml', 'include: ci/b.yml\n.base:\n  image: node:22\n');
    assert.equal(missing(), 1, 'and no longer does');
    workspace.set('/repo/.gitlab-ci.yml', 'include: ci/a.yml\ndefault:\n  timeout: 20m\n');
    assert.equal(missing(), 0, 'the default back in the root');
  });

  test('an included file added, changed and deleted', () => {
    const workspace = editedWorkspace();
    workspace.set('/repo/.gitlab-ci.yml', `include: ci/base.yml\n${JOB}`);
    const missing = () => workspace.findings('/repo/.gitlab-ci.yml', TIMEOUT).length;
    const unknown = () =>
      workspace.findings('/repo/.gitlab-ci.yml', 'gitlab-ci/syntax').filter((m) => m.includes('.base')).length;
    assert.equal(missing(), 1, 'the included file is missing: its templates are out of sight');
    workspace.set('/repo/ci/base.yml', '.base:\n  timeout: 10m\n');
    assert.deepEqual([missing(), unknown()], [0, 0], 'the template sets a timeout');
    workspace.set('/repo/ci/base.yml', '.base:\n  image: node:22\n');
    assert.deepEqual([missing(), unknown()], [1, 0], 'the template changed');
    workspace.set('/repo/ci/base.yml', '.other:\n  image: node:22\n');
    assert.deepEqual([missing(), unknown()], [1, 1], 'the template renamed');
    workspace.delete('/repo/ci/base.yml');
    assert.deepEqual([missing(), unknown()], [1, 0], 'the included file deleted');
  });
});
