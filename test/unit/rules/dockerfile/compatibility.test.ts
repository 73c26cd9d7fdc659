/** What users bring from hadolint and BuildKit: `.hadolint.yaml`, hadolint pragmas and `# check=skip=`. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../../../helpers/lint';

const PATH = '/repo/app/Dockerfile';
const TEXT = 'FROM node:latest\nRUN sudo apt-get install -y curl\nCMD node server.js\n';
const rulesOf = (files: Record<string, string> = {}, text = TEXT) =>
  [...new Set(lint(PATH, text, { files }).map((f) => `${f.ruleId}:${f.severity}`))].sort();

describe('.hadolint.yaml', () => {
  test('ignored codes turn the mapped rules off', () => {
    const found = rulesOf({ '/repo/.hadolint.yaml': 'ignored:\n  - DL3004\n  - DL3007\n' });
    assert.ok(!found.some((f) => f.startsWith('dockerfile/no-sudo:')));
    assert.ok(!found.some((f) => f.startsWith('dockerfile/pin-base-image:')));
    assert.ok(found.includes('dockerfile/json-exec-form:warning'));
  });

  test('override sets severities, style means info', () => {
    const found = rulesOf({ '/repo/app/.hadolint.yml': 'override:\n  error: [DL3025]\n  style: [DL3015]\n' });
    assert.ok(found.includes('dockerfile/json-exec-form:error'));
    assert.ok(found.includes('dockerfile/apt-no-install-recommends:info'));
  });

  test('a .shipshape.yaml wins over .hadolint.yaml', () => {
    const found = rulesOf({
      '/repo/.hadolint.yaml': 'ignored: [DL3004]\n',
      '/repo/.shipshape.yaml': 'rules:\n  dockerfile/json-exec-form: info\n',
    });
    assert.ok(found.includes('dockerfile/no-sudo:warning'));
    assert.ok(found.includes('dockerfile/json-exec-form:info'));
  });

  test('ignoring one pinning code keeps the other package managers checked', () => {
    const text = 'FROM debian:12\nRUN apt-get install -y curl && pip install flask\n';
    const pins = (files: Record<string, string>) =>
      lint(PATH, text, { files })
        .filter((f) => f.ruleId === 'dockerfile/pin-packages')
        .map((f) => f.data?.manager);
    assert.deepEqual(pins({}), ['apt', 'pip']);
    assert.deepEqual(pins({ '/repo/.hadolint.yaml': 'ignored: [DL3008]\n' }), ['pip']);
    assert.deepEqual(pins({ '/repo/.hadolint.yaml': 'ignored: [DL3008, DL3013, DL3016, DL3018]\n' }), []);
  });

  test('ignoring a stage-reference code does not turn off every syntax check', () => {
    const text = 'FROM node:20 AS app\nFROM node:20 AS app\nCOPY --from=app /a /b\n';
    const syntax = lint(PATH, text, { files: { '/repo/.hadolint.yaml': 'ignored: [DL3022, DL3024]\n' } }).filter(
      (f) => f.ruleId === 'dockerfile/syntax',
    );
    assert.equal(syntax.length, 2);
  });

  test('a broken .hadolint.yaml does not stop the check', () => {
    assert.ok(rulesOf({ '/repo/.hadolint.yaml': 'ignored: [DL3004\n' }).includes('dockerfile/no-sudo:warning'));
  });
});

describe('hadolint pragmas and BuildKit check directives', () => {
  test('# hadolint ignore= on the line above', () => {
    const text = 'FROM node:20\n# hadolint ignore=DL3004,DL3015\nRUN sudo apt-get install -y curl\n';
    const found = rulesOf({}, text);
    assert.ok(
      !found.some((f) => f.startsWith('dockerfile/no-sudo:') || f.startsWith('dockerfile/apt-no-install-recommends:')),
    );
  });

  test('# check=skip= turns the mapped rules off for the file', () => {
    const text =
      '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended,MaintainerDeprecated\nFROM node:20\nMAINTAINER me\nCMD node server.js\n';
    const found = rulesOf({}, text);
    assert.ok(
      !found.some(
        (f) => f.startsWith('dockerfile/json-exec-form:') || f.startsWith('dockerfile/deprecated-maintainer:'),
      ),
    );
    assert.ok(found.some((f) => f.startsWith('dockerfile/non-root-user:')));
  });

  test('# check=skip=all;error=true skips every BuildKit check only', () => {
    const text = '# check=skip=all;error=true\nFROM node:20\nENV A_TOKEN=x\nCMD node server.js\n';
    const found = rulesOf({}, text);
    assert.ok(
      !found.some((f) => f.startsWith('dockerfile/secret-in-env:') || f.startsWith('dockerfile/json-exec-form:')),
    );
    assert.ok(found.some((f) => f.startsWith('dockerfile/non-root-user:')));
  });

  test('a check= comment below an instruction is not a directive', () => {
    const text = 'FROM node:20\n# check=skip=JSONArgsRecommended\nCMD node server.js\n';
    assert.ok(rulesOf({}, text).some((f) => f.startsWith('dockerfile/json-exec-form:')));
  });
});

describe('.hadolint.yaml trustedRegistries and failure-threshold', () => {
  test('trustedRegistries switches dockerfile/trusted-registry on with that list', () => {
    const findings = lint(PATH, 'FROM quay.io/o/app:1\nFROM ghcr.io/o/app:1\n', {
      files: { '/repo/.hadolint.yaml': 'trustedRegistries:\n  - ghcr.io\n' },
    });
    const found = findings.filter((f) => f.ruleId === 'dockerfile/trusted-registry');
    assert.deepEqual(
      found.map((f) => f.range.start.line),
      [0],
    );
    assert.match(found[0].message, /quay\.io, which is not a trusted registry \(ghcr\.io\)/);
  });

  test('an ignored DL3026 wins over the list', () => {
    const findings = lint(PATH, 'FROM quay.io/o/app:1\n', {
      files: { '/repo/.hadolint.yaml': 'ignored: [DL3026]\ntrustedRegistries: [ghcr.io]\n' },
    });
    assert.ok(!findings.some((f) => f.ruleId === 'dockerfile/trusted-registry'));
  });
});

describe('.hadolint.yaml label-schema and strict-labels', () => {
  const hadolint =
    'label-schema:\n  org.opencontainers.image.source: url\n  org.opencontainers.image.revision: hash\nstrict-labels: true\n';
  test('the schema and strictness become dockerfile/label-schema options', () => {
    const text =
      'FROM debian:12\nLABEL org.opencontainers.image.source="https://example.org/app" org.opencontainers.image.revision="main" team="x"\n';
    const findings = lint(PATH, text, { files: { '/repo/.hadolint.yaml': hadolint } });
    const found = findings.filter((f) => f.ruleId === 'dockerfile/label-schema').map((f) => f.message);
    assert.equal(found.length, 2, found.join('\n'));
    assert.ok(found.some((m) => m.includes('git commit hash')));
    assert.ok(found.some((m) => m.includes('team is not in the label schema')));
  });

  test('without a label-schema the rule checks nothing', () => {
    const findings = lint(PATH, 'FROM debian:12\nLABEL team="x"\n', {
      files: { '/repo/.hadolint.yaml': 'strict-labels: true\n' },
    });
    assert.ok(!findings.some((f) => f.ruleId === 'dockerfile/label-schema'));
  });
});
