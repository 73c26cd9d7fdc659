import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFix, lint } from '../../helpers/lint';

const pins = (path: string, text: string) =>
  lint(path, text).filter((f) => f.ruleId === 'dockerfile/pin-base-image' || f.ruleId.startsWith('shipshape/'));

describe('ignore quick fixes (every rule)', () => {
  test('on this line: above the instruction start, and the result is clean', () => {
    const text = 'FROM alpine:3.20\nRUN echo hi\nFROM \\\n  node\n';
    const fixed = applyFix('/r/Dockerfile', text, 'dockerfile/pin-base-image', 'on this line');
    assert.equal(
      fixed,
      'FROM alpine:3.20\nRUN echo hi\n# shipshape-ignore dockerfile/pin-base-image\nFROM \\\n  node\n',
    );
    assert.deepEqual(pins('/r/Dockerfile', fixed), []);
  });

  test('on this line keeps YAML indentation', () => {
    const text =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx\n';
    const fixed = applyFix('/r/pod.yaml', text, 'kubernetes/image-tag', 'on this line');
    assert.ok(
      fixed.includes('    - name: a\n      # shipshape-ignore kubernetes/image-tag\n      image: nginx\n'),
      fixed,
    );
    assert.deepEqual(
      lint('/r/pod.yaml', fixed).filter((f) => f.ruleId === 'kubernetes/image-tag'),
      [],
    );
  });

  test('in this file: after Dockerfile parser directives, which must stay first', () => {
    const text = '# syntax=docker/dockerfile:1\n# escape=\\\nFROM node\n';
    const fixed = applyFix('/r/Dockerfile', text, 'dockerfile/pin-base-image', 'in this file');
    assert.equal(
      fixed,
      '# syntax=docker/dockerfile:1\n# escape=\\\n# shipshape-ignore-file dockerfile/pin-base-image\nFROM node\n',
    );
    assert.deepEqual(pins('/r/Dockerfile', fixed), []);
  });

  test('CRLF files get CRLF comments', () => {
    const text = 'FROM alpine:3.20\r\nFROM node\r\n';
    assert.equal(
      applyFix('/r/Dockerfile', text, 'dockerfile/pin-base-image', 'on this line'),
      'FROM alpine:3.20\r\n# shipshape-ignore dockerfile/pin-base-image\r\nFROM node\r\n',
    );
  });
});
