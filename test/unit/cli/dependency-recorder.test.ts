/**
 * What a check read, for `--cache` and for the `--jobs` queue: a folder's files of a kind make the stored
 * result depend on the whole kind (any file may move into the folder), but are not the kind read in full
 * (the queue keeps a folder's files in one thread, so another thread may share the kind).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DependencyRecorder } from '../../../server/src/cli/cache/dependencies';

describe('DependencyRecorder', () => {
  test("a folder's files of a kind: the cache depends on the kind, the queue does not see it read in full", () => {
    const recorder = new DependencyRecorder();
    recorder.filesOfKind('kubernetes', '/repo/k8s');
    recorder.filesOfKind('kubernetes', '/repo/other');
    assert.deepEqual(recorder.workspace.kinds, ['kubernetes']);
    assert.deepEqual(recorder.wholeKinds, []);
  });

  test('every file of a kind: both, each kind once', () => {
    const recorder = new DependencyRecorder();
    recorder.filesOfKind('gitlab-ci');
    recorder.filesOfKind('compose', '/repo');
    recorder.filesOfKind('gitlab-ci');
    assert.deepEqual(recorder.workspace.kinds, ['gitlab-ci', 'compose']);
    assert.deepEqual(recorder.wholeKinds, ['gitlab-ci']);
  });
});
