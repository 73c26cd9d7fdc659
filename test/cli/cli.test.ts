import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv/dist/2020';
import type { ReportedFinding } from '../../server/src/cli/report';
import { writeFileTree } from '../helpers/file-tree';

const CLI = resolve('dist/cli.js');

function shipshape(args: string[], cwd = process.cwd()) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(files: Record<string, string>): string {
  return writeFileTree(mkdtempSync(join(tmpdir(), 'shipshape-cli-')), files);
}

describe('shipshape check on examples/', () => {
  test('--format json: the foundation rules with exact 1-based positions', () => {
    const { code, stdout } = shipshape(['check', '--format', 'json', 'examples']);
    assert.equal(code, 1, 'error findings make exit code 1 by default');
    const report = JSON.parse(stdout) as { version: number; findings: ReportedFinding[] };
    assert.equal(report.version, 1);
    const at = (rule: string, file: string) =>
      report.findings
        .filter((f) => f.rule === rule && f.file === file)
        .map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
    assert.deepEqual(at('dockerfile/pin-base-image', 'examples/web-api/Dockerfile'), ['2:11-2:17']);
    assert.deepEqual(at('kubernetes/image-tag', 'examples/k8s/deployment.yaml'), ['19:39-19:45', '23:18-23:35']);
    assert.deepEqual(at('github-actions/script-injection', 'examples/.github/workflows/triage.yml'), [
      '16:32-16:56',
      '17:22-17:46',
    ]);
    const pin = report.findings.find((f) => f.rule === 'dockerfile/pin-base-image')!;
    assert.deepEqual(pin.aliases.filter((a) => a.startsWith('hadolint:')).sort(), [
      'hadolint:DL3006',
      'hadolint:DL3007',
    ]);
    assert.equal(
      pin.docs,
      'https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/dockerfile/pin-base-image.md',
    );
    assert.deepEqual(Object.keys(pin).sort(), [
      'aliases',
      'column',
      'docs',
      'endColumn',
      'endLine',
      'file',
      'line',
      'message',
      'rule',
      'severity',
    ]);
  });

  test('--format text: one line per finding and a summary', () => {
    const { stdout } = shipshape(['check', 'examples/web-api/Dockerfile']);
    const lines = stdout.trim().split('\n');
    assert.match(
      lines.find((line) => line.includes('pin-base-image')) ?? '',
      /^examples\/web-api\/Dockerfile:2:11 warning dockerfile\/pin-base-image Base image node uses the mutable tag 'latest'/,
    );
    assert.match(lines.at(-1)!, /^\d+ problems? \(0 errors, \d+ warnings, \d+ info\) in 1 file checked\.$/);
    assert.ok(!stdout.includes('\x1b['), 'no colour when not a terminal');
    assert.ok(
      shipshape(['check', '--color', 'examples/web-api/Dockerfile']).stdout.includes('\x1b[33mwarning'),
      '--color forces colour',
    );
  });

  test('--format sarif: valid against the SARIF 2.1.0 schema, with help URIs and regions', () => {
    const { stdout } = shipshape(['check', '--format', 'sarif', 'examples']);
    const sarif = JSON.parse(stdout);
    // The schema published with Microsoft's SARIF SDK, validated with a real JSON-schema validator.
    const schema = JSON.parse(
      readFileSync(require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), 'utf8'),
    );
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
    const untyped: unknown = sarif;
    assert.ok(validate(untyped), JSON.stringify(validate.errors?.slice(0, 5)));
    const run = sarif.runs[0];
    const rules: Array<{ id: string; helpUri: string }> = run.tool.driver.rules;
    for (const result of run.results) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId, 'ruleIndex points at its rule');
      assert.match(rules[result.ruleIndex].helpUri, /^https:\/\/(.*\.md|www\.shellcheck\.net\/wiki\/SC\d{4})$/);
      assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
      assert.ok(!result.locations[0].physicalLocation.artifactLocation.uri.startsWith('/'), 'relative to the checkout');
    }
    const injection = run.results.find((r: { ruleId: string }) => r.ruleId === 'github-actions/script-injection');
    assert.deepEqual(injection.locations[0].physicalLocation.region, {
      startLine: 16,
      startColumn: 32,
      endLine: 16,
      endColumn: 56,
    });
    assert.equal(injection.level, 'error');
  });
});

describe('README', () => {
  test('the demo output it shows is what npm run demo prints', () => {
    const readme = readFileSync('README.md', 'utf8');
    const shown =
      /`npm run demo` prints findings such as:\s*```\n([\s\S]*?)```/.exec(readme)?.[1].trim().split('\n') ?? [];
    assert.ok(shown.length > 0, 'README shows demo output');
    const printed = shipshape(['check', 'examples', '--fail-on', 'none']).stdout.split('\n');
    for (const line of shown) {
      const prefix = line.replace(/…$/, '');
      assert.ok(
        printed.some((p) => p.startsWith(prefix)),
        `README line not printed by the demo: ${line}`,
      );
    }
  });
});

describe('exit codes', () => {
  const root = tempDir({ Dockerfile: 'FROM node\nUSER node\n', 'ok/Dockerfile': 'FROM node:22.11\nUSER node\n' });
  test('--fail-on decides between 0 and 1', () => {
    assert.equal(shipshape(['check', root]).code, 0, 'only a warning; default fail-on is error');
    assert.equal(shipshape(['check', '--fail-on', 'warning', root]).code, 1);
    assert.equal(shipshape(['check', '--fail-on=info', root]).code, 1);
    assert.equal(shipshape(['check', '--fail-on', 'none', root]).code, 0);
    assert.equal(shipshape(['check', '--fail-on', 'warning', join(root, 'ok')]).code, 0);
  });
  test('a .hadolint.yaml failure-threshold applies to its files unless --fail-on is given', () => {
    const strict = tempDir({
      '.hadolint.yaml': 'failure-threshold: style\n',
      Dockerfile: 'FROM node:22.11\nUSER node\nMAINTAINER me\n',
    });
    assert.equal(shipshape(['check', strict]).code, 1, 'style is our info; the deprecated-maintainer warning fails');
    assert.equal(shipshape(['check', '--fail-on', 'error', strict]).code, 0, '--fail-on wins');
    const lenient = tempDir({
      '.hadolint.yaml': 'no-fail: true\n',
      Dockerfile: 'FROM node:22.11\nUSER node\nRUN echo ${UNKNOWN_VAR:?}\nFROM\n',
    });
    assert.equal(shipshape(['check', lenient]).code, 0, 'no-fail: syntax errors do not fail the run');
    const bad = tempDir({ '.hadolint.yaml': 'failure-threshold: loud\n', Dockerfile: 'FROM node:22.11\nUSER node\n' });
    assert.match(
      shipshape(['check', bad]).stderr,
      /\.hadolint\.yaml: Unknown failure-threshold 'loud'/,
      'the problem itself, since a .hadolint.yaml is not checked',
    );
  });
  test('usage errors exit 2 with a one-line message', () => {
    for (const args of [['check', '--format', 'xml'], ['check', '--bogus'], ['lint'], ['check', '--fail-on']]) {
      const { code, stderr } = shipshape(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr.split('\n')[0], /^shipshape: /);
    }
    const missing = shipshape(['check', join(root, 'nope')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or directory/);
  });
  test('--help, --version and rules', () => {
    assert.match(shipshape(['--help']).stdout, /Usage: shipshape check/);
    assert.match(shipshape(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
    const rules = JSON.parse(shipshape(['rules', '--format', 'json']).stdout);
    assert.ok(rules.rules.some((r: { id: string }) => r.id === 'dockerfile/pin-base-image'));
  });
});

describe('awkward trees', () => {
  test('unreadable, binary, huge and looping files are skipped with a message, never a crash', () => {
    const root = tempDir({
      Dockerfile: 'FROM node\nUSER node\n',
      'binary/Dockerfile': '',
      'huge/deploy.yaml': '',
      'locked/compose.yaml': 'services: {}\n',
      'node_modules/pkg/Dockerfile': 'FROM node\n',
      '.git/Dockerfile': 'FROM node\n',
      'image.png': '\x89PNG',
    });
    writeFileSync(join(root, 'binary/Dockerfile'), Buffer.from([0x46, 0x52, 0x00, 0xff, 0x00]));
    writeFileSync(
      join(root, 'huge/deploy.yaml'),
      `apiVersion: v1\nkind: ConfigMap\ndata:\n${'  k: v\n'.repeat(800_000)}`,
    );
    chmodSync(join(root, 'locked/compose.yaml'), 0o000);
    symlinkSync(root, join(root, 'loop'));
    const { code, stdout, stderr } = shipshape(['check', '--format', 'json', root]);
    assert.equal(code, 0, stderr);
    const findings = (JSON.parse(stdout) as { findings: ReportedFinding[] }).findings;
    assert.deepEqual(
      findings.map((f) => f.rule),
      ['dockerfile/pin-base-image'],
      'node_modules, .git and the symlink loop are not walked',
    );
    assert.match(stderr, /binary\/Dockerfile: skipped, binary content/);
    assert.match(stderr, /huge\/deploy\.yaml: skipped, .* MB is larger than the 4 MB limit/);
    // root can read a 0o000 file; only check the message where the permission bites.
    if (process.getuid?.() !== 0) assert.match(stderr, /locked\/compose\.yaml: cannot read \(EACCES\)/);
  });

  test('a .shipshape.yaml applies to the files below it, and its problems are mentioned', () => {
    const root = tempDir({
      '.shipshape.yaml':
        'rules:\n  dockerfile/pin-base-image: error\n  dockerfile/bogus: off\nignore:\n  - vendor/**\n',
      Dockerfile: 'FROM node\nUSER node\n',
      'vendor/Dockerfile': 'FROM node\nUSER node\n',
    });
    const { code, stdout, stderr } = shipshape(['check', '--format', 'json', '.'], root);
    const findings = (JSON.parse(stdout) as { findings: ReportedFinding[] }).findings;
    assert.deepEqual(
      findings.map((f) => `${f.file} ${f.rule} ${f.severity}`),
      ['.shipshape.yaml shipshape/config error', 'Dockerfile dockerfile/pin-base-image error'],
    );
    assert.equal(code, 1);
    assert.match(stderr, /\.shipshape\.yaml: 1 problem\(s\) in the config file/);
  });

  test('an explicit file that is none of ours is said so', () => {
    const root = tempDir({ 'notes.yaml': 'title: hello\n' });
    const { code, stderr } = shipshape(['check', join(root, 'notes.yaml')]);
    assert.equal(code, 0);
    assert.match(stderr, /not a kind of file Shipshape checks/);
  });
});
