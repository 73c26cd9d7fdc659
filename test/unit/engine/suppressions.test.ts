import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describe as where, lint } from '../../helpers/lint';

/** Findings as `rule@range`, limited to the rules under test (other rules may fire on the same text). */
const rulesOf = (
  path: string,
  text: string,
  only = /^(dockerfile\/pin-base-image|dockerfile\/syntax|kubernetes\/image-tag|github-actions\/script-injection|shipshape\/)/,
) =>
  lint(path, text)
    .filter((f) => only.test(f.ruleId))
    .map((f) => `${f.ruleId}@${where(f, text).at}`);

describe('suppressions', () => {
  test('shipshape-ignore on the line above covers the next instruction with its continuation lines', () => {
    const text =
      '# shipshape-ignore dockerfile/pin-base-image -- base image is pinned by the CI\nFROM \\\n  node\nFROM redis\n';
    assert.deepEqual(rulesOf('/r/Dockerfile', text), ['dockerfile/pin-base-image@4:6-4:11']);
  });

  test('blank and comment lines between the comment and its statement are skipped', () => {
    const text = '# shipshape-ignore dockerfile/pin-base-image\n\n# why: test image\nFROM node\n';
    assert.deepEqual(rulesOf('/r/Dockerfile', text), []);
  });

  test('several rules, comma separated: each is judged on its own', () => {
    const text = '# shipshape-ignore dockerfile/syntax, dockerfile/pin-base-image\nFROM node\n';
    assert.deepEqual(rulesOf('/r/Dockerfile', text), ['shipshape/unused-suppression@1:20-1:37']);
  });

  test('shipshape-ignore-file anywhere covers the whole file', () => {
    const text = 'FROM node\nFROM redis\n# shipshape-ignore-file dockerfile/pin-base-image\n';
    assert.deepEqual(rulesOf('/r/Dockerfile', text), []);
  });

  test('in YAML a comment above a key covers the block under it; a trailing comment its own line', () => {
    const text = `on: issues
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      # shipshape-ignore github-actions/script-injection
      - run: |
          echo "\${{ github.event.issue.title }}"
      - run: echo "\${{ github.event.issue.body }}" # shipshape-ignore github-actions/script-injection
      - run: echo "\${{ github.head_ref }}"
`;
    assert.deepEqual(rulesOf('/r/.github/workflows/a.yml', text), ['github-actions/script-injection@10:24-10:39']);
  });

  test('hadolint ignore and global ignore map through aliases', () => {
    assert.deepEqual(rulesOf('/r/Dockerfile', '# hadolint ignore=DL3006,DL3007\nFROM node\nFROM redis:latest\n'), [
      'dockerfile/pin-base-image@3:12-3:18',
    ]);
    assert.deepEqual(
      rulesOf('/r/Dockerfile', '# hadolint global ignore=DL3007\nFROM redis:latest\nFROM node:latest\n'),
      [],
    );
  });

  test('zizmor ignore, same line or above', () => {
    const text =
      'on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.event.issue.title }} # zizmor: ignore[template-injection]\n';
    assert.deepEqual(rulesOf('/r/.github/workflows/a.yml', text), []);
  });

  test('kube-linter and Polaris annotations exempt their object only', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: a
  annotations:
    ignore-check.kube-linter.io/latest-tag: "built in CI"
spec:
  containers: [{name: a, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata:
  name: b
  annotations:
    polaris.fairwinds.com/tagNotSpecified-exempt: "true"
spec:
  containers: [{name: b, image: nginx}]
---
apiVersion: v1
kind: Pod
metadata: {name: c}
spec:
  containers: [{name: c, image: nginx}]
`;
    assert.deepEqual(
      rulesOf('/r/pods.yaml', text).filter((r) => r.startsWith('kubernetes/image-tag')),
      ['kubernetes/image-tag@23:33-23:38'],
    );
  });

  test('a shipshape-ignore that suppresses nothing, or names no known rule, is reported', () => {
    const text =
      '# shipshape-ignore dockerfile/pin-base-image\nFROM node:22\n# shipshape-ignore dockerfile/pin-base-imag\nFROM redis:7\n# shipshape-ignore\nFROM a:1\n';
    const findings = lint('/r/Dockerfile', text).filter((f) => f.ruleId.startsWith('shipshape/'));
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, where(f, text).token, f.message]),
      [
        [
          'shipshape/unused-suppression',
          'info',
          'dockerfile/pin-base-image',
          'This shipshape-ignore for dockerfile/pin-base-image suppresses nothing: remove it.',
        ],
        [
          'shipshape/unused-suppression',
          'info',
          'dockerfile/pin-base-imag',
          "Unknown rule 'dockerfile/pin-base-imag' in shipshape-ignore. Did you mean 'dockerfile/pin-base-image'?",
        ],
        [
          'shipshape/unused-suppression',
          'info',
          '# shipshape-ignore',
          'This shipshape-ignore names no rule: list the rule ids it suppresses.',
        ],
      ],
    );
  });

  test('a hadolint comment that suppresses nothing is left alone: hadolint may still need it', () => {
    assert.deepEqual(rulesOf('/r/Dockerfile', '# hadolint ignore=DL3007\nFROM node:22\n'), []);
  });

  test('a suppression for a rule that is off is not "unused"', () => {
    const text = '# shipshape-ignore dockerfile/pin-base-image\nFROM node:22\n';
    const findings = lint('/r/Dockerfile', text, { settings: { 'dockerfile/pin-base-image': { severity: 'off' } } });
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('shipshape/')),
      [],
    );
  });

  test('a # inside a quoted YAML value is not a comment', () => {
    const text =
      'on: issues\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: "echo \'# shipshape-ignore github-actions/script-injection\' ${{ github.event.issue.title }}"\n';
    assert.equal(rulesOf('/r/.github/workflows/a.yml', text).length, 1);
  });
});
