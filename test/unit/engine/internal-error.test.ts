import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Linter } from '../../../server/src/engine/linter';
import { RuleRegistry } from '../../../server/src/engine/registry';
import type { GitHubActionsFile, Host, Rule } from '../../../server/src/engine/types';
import { registry } from '../../../server/src/rules';
import { runParser } from '../../../server/src/rules/github-actions/parser/github-parser';

const NO_FILES: Host = { readFile: () => undefined, exists: () => false };

const crashing: Rule<'dockerfile'> = {
  id: 'dockerfile/crashes',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'Throws on every file.' },
  aliases: [],
  check() {
    throw new Error('boom');
  },
};

function lintWith(rules: RuleRegistry, path: string, text: string) {
  const linter = new Linter(rules, NO_FILES);
  linter.workspace.set(path, text);
  return linter.lint(path).findings;
}

describe('a crashing rule', () => {
  test('is reported as shipshape/internal-error, naming the rule, and the other rules still run', () => {
    const rules = new RuleRegistry([...registry.all, crashing]);
    const findings = lintWith(rules, '/repo/Dockerfile', 'FROM node:latest\n');
    const internal = findings.filter((f) => f.ruleId === 'shipshape/internal-error');
    assert.equal(internal.length, 1);
    assert.match(internal[0].message, /^Rule dockerfile\/crashes failed on this file: boom\./);
    assert.equal(internal[0].severity, 'error');
    assert.ok(!findings.some((f) => f.ruleId === 'dockerfile/crashes'), 'nothing is reported under the crashing id');
    assert.ok(
      findings.some((f) => f.ruleId === 'dockerfile/pin-base-image'),
      'the other rules ran',
    );
  });

  test('can be suppressed in place like any other finding', () => {
    const rules = new RuleRegistry([...registry.all, crashing]);
    const text = '# shipshape-ignore-file shipshape/internal-error\nFROM node:22\n';
    const findings = lintWith(rules, '/repo/Dockerfile', text);
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'shipshape/internal-error'),
      [],
    );
  });
});

describe("GitHub's workflow parser", () => {
  const workflow = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n';

  test('a parser crash is thrown on, not turned into "no problems"', () => {
    const linter = new Linter(registry, NO_FILES);
    linter.workspace.set('/repo/.github/workflows/ci.yml', workflow);
    const file = linter.workspace.parsed('/repo/.github/workflows/ci.yml') as GitHubActionsFile;
    assert.equal(file.kind, 'github-actions');
    const crashingParser = {
      parse: () => {
        throw new TypeError('parser bug');
      },
    };
    assert.throws(() => runParser(file, crashingParser), /parser bug/);
  });
});
