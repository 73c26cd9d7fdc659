/**
 * The CI report formats of the built CLI (`dist/cli.js`): GitHub workflow commands, GitLab Code Quality,
 * Checkstyle and JUnit XML; and --stdin, --version and failOn, which editors and CI rely on.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { escapeData, escapeProperty } from '../../server/src/cli/ci-formats';
import packageJson from '../../package.json';
import { writeFileTree } from '../helpers/file-tree';

const CLI = resolve('dist/cli.js');
const CLEAN_DOCKERFILE = 'FROM alpine:3.20\nUSER nobody\nHEALTHCHECK NONE\nCMD ["true"]\n';

export function shipshape(args: string[], cwd = process.cwd(), input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir(files: Record<string, string>): string {
  return writeFileTree(mkdtempSync(join(tmpdir(), 'shipshape-formats-')), files);
}

/** The runner's side of workflow commands (actions/runner ActionCommand.TryParseV2), to read ours back. */
function parseWorkflowCommand(line: string) {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `a workflow command: ${line}`);
  const unescape = (s: string) =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    match[2].split(',').map((pair) => {
      const [name, ...value] = pair.split('=');
      return [name, unescape(value.join('='))];
    }),
  );
  return { command: match[1], properties, message: unescape(match[3]) };
}

describe('--format github', () => {
  test('one annotation per finding with file, exact range and the rule as title; property values escaped', () => {
    const root = tempDir({ 'we,ird:dir/Dockerfile': 'FROM node:latest\nUSER node\n' });
    const { code, stdout } = shipshape(['check', '--format', 'github', '.'], root);
    assert.equal(code, 0, 'warnings do not fail by default');
    const lines = stdout.trim().split('\n');
    assert.equal(lines.length, 1, stdout);
    assert.match(lines[0], /^::warning file=we%2Cird%3Adir\/Dockerfile,line=1,col=11,endLine=1,endColumn=17,/);
    const parsed = parseWorkflowCommand(lines[0]);
    assert.equal(parsed.command, 'warning');
    assert.deepEqual(parsed.properties, {
      file: 'we,ird:dir/Dockerfile',
      line: '1',
      col: '11',
      endLine: '1',
      endColumn: '17',
      title: 'dockerfile/pin-base-image',
    });
    assert.match(parsed.message, /^Base image node uses the mutable tag 'latest'/);
    assert.match(parsed.message, /docs\/rules\/dockerfile\/pin-base-image\.md\)$/);
  });

  test('errors are ::error, info is ::notice', () => {
    const root = tempDir({
      '.github/workflows/ci.yml':
        'on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    timeout-minutes: 5\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n',
    });
    const { code, stdout } = shipshape(['check', '--format', 'github'], root);
    assert.equal(code, 1);
    const commands = stdout.trim().split('\n').map(parseWorkflowCommand);
    const injection = commands.find((c) => c.properties.title === 'github-actions/script-injection');
    assert.equal(injection?.command, 'error');
    assert.equal(injection?.properties.file, '.github/workflows/ci.yml');
    assert.ok(
      commands.every((c) => ['error', 'warning', 'notice'].includes(c.command)),
      stdout,
    );
  });

  test('data escapes %, CR and LF; properties also : and ,', () => {
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext%3A a%2C b');
    // Read back as the runner does: nothing lost, nothing doubled.
    const line = `::error file=${escapeProperty('a%2C,b:c\n.yml')},title=x::${escapeData('50%0A\nend')}`;
    const parsed = parseWorkflowCommand(line);
    assert.equal(parsed.properties.file, 'a%2C,b:c\n.yml');
    assert.equal(parsed.message, '50%0A\nend');
  });
});

const CODE_CLIMATE_CATEGORIES = [
  'Bug Risk',
  'Clarity',
  'Compatibility',
  'Complexity',
  'Duplication',
  'Performance',
  'Security',
  'Style',
];

/**
 * The Code Climate issue format's required fields (github.com/codeclimate/platform, SPEC.md "Issues"),
 * and what GitLab's Code Quality widget needs on top: a fingerprint and one of its severities.
 */
function assertCodeClimateIssue(issue: Record<string, unknown>, where: string): void {
  assert.equal(issue.type, 'issue', `${where}: type`);
  assert.equal(typeof issue.check_name, 'string', `${where}: check_name`);
  assert.ok((issue.check_name as string).length > 0);
  assert.equal(typeof issue.description, 'string', `${where}: description`);
  assert.ok((issue.description as string).length > 0);
  assert.ok(Array.isArray(issue.categories) && issue.categories.length > 0, `${where}: categories`);
  for (const category of issue.categories as string[]) assert.ok(CODE_CLIMATE_CATEGORIES.includes(category));
  const location = issue.location as { path?: unknown; lines?: { begin?: unknown; end?: unknown } };
  assert.equal(typeof location?.path, 'string', `${where}: location.path`);
  assert.ok(!(location.path as string).startsWith('/'), 'paths relative to the project root');
  assert.ok(Number.isInteger(location.lines?.begin) && (location.lines!.begin as number) >= 1, `${where}: lines`);
  assert.ok((location.lines!.end as number) >= (location.lines!.begin as number));
  assert.match(String(issue.fingerprint), /^[0-9a-f]{32,}$/, `${where}: fingerprint`);
  assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity as string), `${where}: severity`);
}

describe('--format gitlab', () => {
  test('Code Quality issues with every required field, unique fingerprints stable across runs and edits above', () => {
    const { code, stdout } = shipshape(['check', '--format', 'gitlab', 'examples']);
    assert.equal(code, 1);
    const issues = JSON.parse(stdout) as Array<Record<string, unknown>>;
    assert.ok(issues.length >= 20, `${issues.length} issues`);
    issues.forEach((issue, i) => assertCodeClimateIssue(issue, `issue ${i}`));
    const fingerprints = issues.map((issue) => issue.fingerprint);
    assert.equal(new Set(fingerprints).size, fingerprints.length, 'fingerprints are unique');
    const again = JSON.parse(shipshape(['check', '--format', 'gitlab', 'examples']).stdout) as typeof issues;
    assert.deepEqual(
      again.map((issue) => issue.fingerprint),
      fingerprints,
      'the same input gives the same fingerprints',
    );
    const pin = issues.find((issue) => issue.check_name === 'dockerfile/pin-base-image')!;
    assert.deepEqual(pin.location, {
      path: 'examples/web-api/Dockerfile',
      lines: { begin: 2, end: 2 },
      positions: { begin: { line: 2, column: 11 }, end: { line: 2, column: 17 } },
    });
    assert.equal(pin.severity, 'minor');
  });

  test('a line added above a finding keeps its fingerprint; error maps to major', () => {
    const text = 'FROM node:latest\nRUN npm install\n';
    const first = JSON.parse(shipshape(['check', '--format', 'gitlab'], tempDir({ Dockerfile: text })).stdout) as Array<
      Record<string, unknown>
    >;
    const moved = JSON.parse(
      shipshape(['check', '--format', 'gitlab'], tempDir({ Dockerfile: `# a comment\n${text}` })).stdout,
    ) as Array<Record<string, unknown>>;
    assert.ok(first.length > 0);
    assert.deepEqual(
      moved.map((i) => i.fingerprint),
      first.map((i) => i.fingerprint),
    );
    assert.notDeepEqual(
      moved.map((i) => i.location),
      first.map((i) => i.location),
    );
    const broken = JSON.parse(
      shipshape(['check', '--format', 'gitlab'], tempDir({ Dockerfile: 'FROM alpine:3.20\nFOO bar\n' })).stdout,
    ) as Array<Record<string, unknown>>;
    const syntax = broken.find((i) => i.check_name === 'dockerfile/syntax');
    assert.equal(syntax?.severity, 'major');
  });

  test('no findings: an empty array', () => {
    const root = tempDir({ Dockerfile: CLEAN_DOCKERFILE });
    const { code, stdout } = shipshape(['check', '--format', 'gitlab', '--fail-on', 'none'], root);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), []);
  });
});

describe('--format checkstyle and junit', () => {
  const root = tempDir({ 'a&b/Dockerfile': 'FROM node:latest\nUSER node\n', 'clean/Dockerfile': CLEAN_DOCKERFILE });

  test('checkstyle: one <file> per file with findings, attributes escaped', () => {
    const { stdout } = shipshape(['check', '--format', 'checkstyle'], root);
    const lines = stdout.trim().split('\n');
    assert.equal(lines[0], '<?xml version="1.0" encoding="UTF-8"?>');
    assert.equal(lines[1], '<checkstyle version="4.3">');
    assert.equal(lines[2], '  <file name="a&amp;b/Dockerfile">');
    assert.match(
      lines[3],
      /^ {4}<error line="1" column="11" severity="warning" message="Base image node uses the mutable tag &apos;latest&apos;: [^"<>]*" source="shipshape\.dockerfile\/pin-base-image"\/>$/,
    );
    assert.equal(lines.at(-1), '</checkstyle>');
    assert.ok(!stdout.includes('clean/Dockerfile'), 'files without findings are left out');
  });

  test('junit: a suite per checked file, a failure per finding, a passing case for a clean file', () => {
    const { stdout } = shipshape(['check', '--format', 'junit'], root);
    assert.match(
      stdout,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="shipshape" tests="2" failures="1"/,
    );
    assert.match(
      stdout,
      /<testsuite name="a&amp;b\/Dockerfile" tests="1" failures="1"[^>]*>\n {4}<testcase classname="a&amp;b\/Dockerfile" name="dockerfile\/pin-base-image at 1:11" time="0">\n {6}<failure message="[^"]+" type="warning">/,
    );
    assert.match(
      stdout,
      /<testsuite name="clean\/Dockerfile" tests="1" failures="0"[^>]*>\n {4}<testcase classname="clean\/Dockerfile" name="shipshape" time="0"\/>/,
    );
    assert.equal((stdout.match(/<testsuite /g) ?? []).length, 2);
    assert.equal((stdout.match(/<\/testsuite>/g) ?? []).length, 2);
  });
});

describe('--stdin, --version and failOn', () => {
  test('--stdin --stdin-filename checks standard input as that path (kind, config, messages)', () => {
    const root = tempDir({ 'sub/.shipshape.yaml': 'rules:\n  dockerfile/non-root-user: off\n' });
    const { code, stdout } = shipshape(
      ['check', '--stdin', '--stdin-filename', 'sub/Dockerfile', '--format', 'json'],
      root,
      'FROM node\n',
    );
    assert.equal(code, 0);
    const findings = (JSON.parse(stdout) as { findings: Array<{ file: string; rule: string; line: number }> }).findings;
    assert.deepEqual(
      findings.map((f) => `${f.file}:${f.line} ${f.rule}`),
      ['sub/Dockerfile:1 dockerfile/pin-base-image'],
      'the config beside the given path applies',
    );
  });

  test('--stdin as a workflow; usage errors for --stdin-filename alone and --fix with --stdin', () => {
    const workflow = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo hi\n';
    const { stdout } = shipshape(
      ['check', '--stdin', '--stdin-filename', '.github/workflows/x.yml'],
      tempDir({}),
      workflow,
    );
    assert.match(stdout, /^\.github\/workflows\/x\.yml:2:1 warning github-actions\/permissions /m);
    assert.equal(shipshape(['check', '--stdin-filename', 'Dockerfile']).code, 2);
    assert.equal(shipshape(['check', '--stdin', '--fix', '--stdin-filename', 'Dockerfile'], '.', '').code, 2);
  });

  test('--version prints the package version', () => {
    assert.deepEqual(shipshape(['--version']), { code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  test('failOn in .shipshape.yaml sets the exit code for its files; --fail-on overrides it; bad values are reported', () => {
    const strict = tempDir({ '.shipshape.yaml': 'failOn: warning\n', Dockerfile: 'FROM node:latest\nUSER node\n' });
    assert.equal(shipshape(['check'], strict).code, 1, 'a warning fails with failOn: warning');
    assert.equal(shipshape(['check', '--fail-on', 'error'], strict).code, 0, '--fail-on wins');
    const lenient = tempDir({ '.shipshape.yaml': 'failOn: none\n', Dockerfile: 'FROM alpine:3.20\nFOO bar\n' });
    assert.equal(shipshape(['check'], lenient).code, 0, 'failOn: none never fails');
    const bad = tempDir({ '.shipshape.yaml': 'failOn: sometimes\n' });
    const { stdout } = shipshape(['check', '.shipshape.yaml'], bad);
    assert.match(
      stdout,
      /\.shipshape\.yaml:1:9 error shipshape\/config 'failOn' must be one of error, warning, info, none\./,
    );
  });
});
