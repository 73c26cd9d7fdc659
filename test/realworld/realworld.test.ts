/**
 * Patterns from real repositories, written by us: each folder under test/realworld/ is one
 * repository, linted as a workspace (cross-file rules see its other files). Every finding of every
 * rule, at any severity, must be announced in the file by a marker, and every marker must be met:
 *
 *   # want: <rule-id> [<rule-id> …]    the next line that is not a marker has these findings
 *   # want-file: <rule-id> [<rule-id> …] the file has these findings, wherever they are
 *
 * A rule id may be repeated for two findings on one line. A folder's README.md says which real
 * projects' pattern it reproduces; it is not linted.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { Linter } from '../../server/src/engine/linter';
import type { Host } from '../../server/src/engine/types';
import { registry } from '../../server/src/rules';

const ROOT = join(__dirname);
const MARKER = /^\s*#\s*want(-file)?:\s*(.+?)\s*$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** `rule@line` for every marker (line 1-based), and `rule@file` for file-wide ones. */
export function expectedFindings(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const wanted: string[] = [];
  let pending: string[] = [];
  lines.forEach((line, index) => {
    const marker = MARKER.exec(line);
    if (marker) {
      const ids = marker[2].split(/[\s,]+/).filter(Boolean);
      if (marker[1]) wanted.push(...ids.map((id) => `${id}@file`));
      else pending.push(...ids);
      return;
    }
    wanted.push(...pending.map((id) => `${id}@${index + 1}`));
    pending = [];
  });
  assert.deepEqual(pending, [], 'a want marker at the end of the file has no line to apply to');
  return wanted.sort();
}

function lintRepository(dir: string): Map<string, { text: string; found: string[] }> {
  const texts = new Map(filesUnder(dir).map((path) => [path, readFileSync(path, 'utf8')]));
  const host: Host = {
    readFile: (path) => texts.get(path),
    exists: (path) => texts.has(path) || [...texts.keys()].some((file) => file.startsWith(`${path}/`)),
  };
  const linter = new Linter(registry, host);
  for (const [path, text] of texts) if (!path.endsWith('README.md')) linter.workspace.set(path, text);
  const results = new Map<string, { text: string; found: string[] }>();
  for (const [path, text] of texts) {
    if (path.endsWith('README.md')) continue;
    const findings = linter.lint(path).findings;
    results.set(path, { text, found: findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`) });
  }
  return results;
}

/** Findings matched to markers: a file-wide marker takes any one finding of its rule. */
function compare(found: string[], wanted: string[]): { unexpected: string[]; missing: string[] } {
  const open = [...wanted];
  const unexpected: string[] = [];
  for (const finding of found) {
    const exact = open.indexOf(finding);
    const anywhere = open.indexOf(`${finding.split('@')[0]}@file`);
    const at = exact >= 0 ? exact : anywhere;
    if (at >= 0) open.splice(at, 1);
    else unexpected.push(finding);
  }
  return { unexpected: unexpected.sort(), missing: open.sort() };
}

const repositories = readdirSync(ROOT).filter((name) => statSync(join(ROOT, name)).isDirectory());

describe('real-world patterns', () => {
  test('every repository says what it reproduces', () => {
    assert.ok(repositories.length > 0);
    for (const name of repositories) assert.ok(statSync(join(ROOT, name, 'README.md')).isFile(), `${name}/README.md`);
  });

  for (const name of repositories) {
    describe(name, () => {
      for (const [path, { text, found }] of lintRepository(join(ROOT, name))) {
        test(relative(join(ROOT, name), path), () => {
          assert.deepEqual(compare(found, expectedFindings(text)), { unexpected: [], missing: [] });
        });
      }
    });
  }
});
