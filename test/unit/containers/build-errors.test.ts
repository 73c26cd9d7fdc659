import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseBuildErrors } from '../../../client/src/containers/core/build-errors';
import { fixture, outlineOf } from './helpers';

describe('build errors into Dockerfile lines (captured outputs)', () => {
  const runFail = outlineOf(fixture('Dockerfile.run-fail'));
  const copyFail = outlineOf(fixture('Dockerfile.copy-fail'));
  const syntaxFail = outlineOf(fixture('Dockerfile.syntax-fail'));

  test('Docker legacy builder: a failing RUN', () => {
    assert.deepEqual(parseBuildErrors(fixture('docker/build-run-fail.txt'), runFail), [
      { line: 2, message: "The command '/bin/busybox false' returned a non-zero code: 1" },
    ]);
  });

  test('Docker legacy builder: a COPY of a missing file', () => {
    const [problem] = parseBuildErrors(fixture('docker/build-copy-fail.txt'), copyFail);
    assert.equal(problem.line, 1);
    assert.match(problem.message, /^COPY failed: file not found in build context/);
  });

  test('Docker: a parse error names its line', () => {
    assert.deepEqual(parseBuildErrors(fixture('docker/build-syntax-fail.txt'), syntaxFail), [
      { line: 1, message: 'unknown instruction: BOGUS' },
    ]);
  });

  test('Podman: a failing RUN', () => {
    assert.deepEqual(parseBuildErrors(fixture('podman/build-run-fail.txt'), runFail), [
      { line: 2, message: 'while running runtime: exit status 1' },
    ]);
  });

  test('Podman: a COPY of a missing file', () => {
    const [problem] = parseBuildErrors(fixture('podman/build-copy-fail.txt'), copyFail);
    assert.equal(problem.line, 1);
    assert.match(problem.message, /no such file or directory/);
  });

  test('Podman: an unknown instruction', () => {
    const [problem] = parseBuildErrors(fixture('podman/build-syntax-fail.txt'), syntaxFail);
    assert.equal(problem.line, 1);
    assert.match(problem.message, /Unknown instruction: "BOGUS"/);
  });

  test('Podman multi-stage: the step is looked up in its stage', () => {
    const text = 'FROM scratch AS a\nRUN ["x"]\nFROM a AS b\nRUN ["x"]\n';
    const output =
      '[2/2] STEP 1/2: FROM 1234 AS b\n[2/2] STEP 2/2: RUN ["x"]\nError: building at STEP "RUN x": exit status 1\n';
    assert.deepEqual(parseBuildErrors(output, outlineOf(text)), [{ line: 3, message: 'exit status 1' }]);
  });

  test('BuildKit: the framed Dockerfile:<line> and the ERROR line', () => {
    // The shape BuildKit prints (docker buildx build); buildx is not installable on the test machines.
    const output = [
      '#6 [2/3] RUN false',
      '#6 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1',
      '------',
      ' > [2/3] RUN false:',
      '------',
      'Dockerfile:3',
      '--------------------',
      '   1 |     FROM alpine',
      '   2 |     COPY . .',
      '   3 | >>> RUN false',
      '--------------------',
      'ERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1',
    ].join('\n');
    assert.deepEqual(parseBuildErrors(output, outlineOf('FROM alpine\nCOPY . .\nRUN false\n')), [
      { line: 2, message: 'process "/bin/sh -c false" did not complete successfully: exit code: 1' },
    ]);
  });

  test('continuation lines: the echoed instruction is matched with its lines joined', () => {
    const text = 'FROM scratch\nRUN echo a && \\\n    false\n';
    const output =
      "Step 2/2 : RUN echo a &&     false\n ---> Running in 1\nThe command '/bin/sh -c echo a &&     false' returned a non-zero code: 1\n";
    assert.equal(parseBuildErrors(output, outlineOf(text))[0]?.line, 1);
  });

  test('output without a recognisable step gives no problem rather than a wrong line', () => {
    assert.deepEqual(parseBuildErrors('Error: something else entirely', outlineOf('FROM scratch\n')), []);
  });
});
