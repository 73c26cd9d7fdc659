import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isIgnoredByConfig, parseConfig, readRuleSettings } from '../../../server/src/engine/config';
import { registry } from '../../../server/src/rules';
import { describe as where, lint } from '../../helpers/lint';

describe('.shipshape.yaml', () => {
  test('severities, options and ignore globs', () => {
    const config = parseConfig(
      '/r/.shipshape.yaml',
      'rules:\n  dockerfile/pin-base-image: [error, {requireDigest: true}]\n  kubernetes/image-tag: off\nignore:\n  - vendor/**\n',
      registry,
    );
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.rules['dockerfile/pin-base-image'], {
      severity: 'error',
      options: { requireDigest: true },
    });
    assert.deepEqual(config.rules['kubernetes/image-tag'], { severity: 'off' });
    assert.ok(isIgnoredByConfig(config, '/r/vendor/a/Dockerfile'));
    assert.ok(!isIgnoredByConfig(config, '/r/src/Dockerfile'));
    assert.ok(!isIgnoredByConfig(config, '/other/vendor/Dockerfile'));
  });

  test('a folder glob without ** skips what is below it', () => {
    const config = parseConfig('/r/.shipshape.yaml', 'ignore: [generated]\n', registry);
    assert.ok(isIgnoredByConfig(config, '/r/generated/k8s/a.yaml'));
  });

  test('problems are reported at the offending key or value', () => {
    const text = [
      'rules:',
      '  dockerfile/pin-base-imag: off',
      '  kubernetes/image-tag: fatal',
      '  dockerfile/pin-base-image: [warning, {requireDigest: "yes", pinEverything: true}]',
      'ignore: vendor/**',
      'extends: base',
      '',
    ].join('\n');
    const problems = parseConfig('/r/.shipshape.yaml', text, registry).problems;
    const messages = problems.map((p) => p.message);
    assert.deepEqual(messages, [
      "Unknown rule 'dockerfile/pin-base-imag'. Did you mean 'dockerfile/pin-base-image'?",
      "'fatal' is not a severity for kubernetes/image-tag: use off, info, warning or error.",
      "Option 'requireDigest' of dockerfile/pin-base-image must be true or false.",
      "dockerfile/pin-base-image has no option 'pinEverything'. Options: requireDigest.",
      '`ignore` must be a list of glob patterns.',
      "Unknown key 'extends': expected 'rules', 'ignore' or 'failOn'.",
    ]);
    assert.deepEqual(problems[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 26 } });
    assert.deepEqual(problems[1].range, { start: { line: 2, character: 24 }, end: { line: 2, character: 29 } });
  });

  test('the config file itself gets shipshape/config findings', () => {
    const text = 'rules:\n  nope/rule: off\n';
    const findings = lint('/r/.shipshape.yaml', text).filter((f) => f.ruleId === 'shipshape/config');
    assert.deepEqual(
      findings.map((f) => where(f, text).token),
      ['nope/rule'],
    );
  });

  test('editor settings are plain JSON and use the same checks', () => {
    const { settings, problems } = readRuleSettings({ 'dockerfile/pin-base-image': ['info'], 'x/y': 'off' }, registry);
    assert.deepEqual(settings, { 'dockerfile/pin-base-image': { severity: 'info' } });
    assert.equal(problems.length, 1);
  });

  test('layers: defaults < .shipshape.yaml < editor settings', () => {
    const files = { '/r/.shipshape.yaml': 'rules:\n  dockerfile/pin-base-image: error\n' };
    assert.equal(
      lint('/r/Dockerfile', 'FROM node\n').find((f) => f.ruleId === 'dockerfile/pin-base-image')?.severity,
      'warning',
    );
    assert.equal(
      lint('/r/Dockerfile', 'FROM node\n', { files }).find((f) => f.ruleId === 'dockerfile/pin-base-image')?.severity,
      'error',
    );
    const settings = { 'dockerfile/pin-base-image': { severity: 'info' as const } };
    assert.equal(
      lint('/r/Dockerfile', 'FROM node\n', { files, settings }).find((f) => f.ruleId === 'dockerfile/pin-base-image')
        ?.severity,
      'info',
    );
    assert.equal(
      lint('/r/sub/Dockerfile', 'FROM node\n', { files }).find((f) => f.ruleId === 'dockerfile/pin-base-image')
        ?.severity,
      'error',
      'found upward',
    );
  });

  test('ignored files get no findings at all', () => {
    const files = { '/r/.shipshape.yaml': 'ignore: ["legacy/**"]\n' };
    assert.deepEqual(lint('/r/legacy/Dockerfile', 'FROM node\n', { files }), []);
  });
});
