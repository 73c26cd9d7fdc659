/**
 * The CI snippets of the README (each announced by `<!-- ci-snippet: <path> -->`) pass Shipshape's own
 * rules: written at their path in an empty repository and checked by the built CLI, they get no error and
 * no warning (info notes, such as tag-pinned first-party actions, are listed in the message if any).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';

const README = readFileSync('README.md', 'utf8');
const snippets = [...README.matchAll(/<!-- ci-snippet: (\S+) -->\n```yaml\n([\s\S]*?)```/g)].map((m) => ({
  path: m[1],
  text: m[2],
}));

test('the README has the GitHub Actions (annotations, SARIF) and GitLab snippets', () => {
  assert.deepEqual(
    snippets.map((s) => s.path),
    ['.github/workflows/shipshape.yml', '.github/workflows/shipshape-sarif.yml', '.gitlab-ci.yml'],
  );
  assert.match(snippets[0].text, /shipshape@[\d.]+ check --format github/);
  assert.match(snippets[1].text, /github\/codeql-action\/upload-sarif@/);
  assert.match(snippets[2].text, /reports:\n\s+codequality: gl-code-quality-report\.json/);
});

for (const snippet of snippets) {
  test(`${snippet.path} from the README passes Shipshape's rules`, () => {
    const root = mkdtempSync(join(tmpdir(), 'shipshape-readme-'));
    mkdirSync(join(root, dirname(snippet.path)), { recursive: true });
    writeFileSync(join(root, snippet.path), snippet.text);
    const result = spawnSync(
      process.execPath,
      [resolve('dist/cli.js'), 'check', snippet.path, '--format', 'json', '--fail-on', 'warning'],
      { cwd: root, encoding: 'utf8' },
    );
    const findings = (
      JSON.parse(result.stdout) as { findings: Array<{ rule: string; severity: string; message: string }> }
    ).findings;
    assert.deepEqual(
      findings.filter((f) => f.severity !== 'info'),
      [],
      `findings: ${JSON.stringify(findings, null, 2)}`,
    );
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^$/, 'the file is one Shipshape checks');
  });
}
