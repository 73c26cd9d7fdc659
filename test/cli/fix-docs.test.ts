/**
 * Each rule's docs page says in its "Quick fix" column whether `--fix` applies the fix: checked against
 * the fix objects themselves, on the findings of the page's own "Bad" examples.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Linter } from '../../server/src/engine/linter';
import { fixesFor } from '../../server/src/fixes';
import { registry } from '../../server/src/rules';

const PATHS: Record<string, string> = {
  dockerfile: '/repo/Dockerfile',
  kubernetes: '/repo/k8s/deployment.yaml',
  'github-actions': '/repo/.github/workflows/ci.yml',
  'gitlab-ci': '/repo/.gitlab-ci.yml',
  compose: '/repo/compose.yaml',
};

function quickFixCell(page: string): string {
  const lines = page.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| Default severity') && line.includes('Quick fix'));
  assert.ok(header >= 0, 'a table with a Quick fix column');
  const cells = lines[header + 2].split('|');
  return cells[cells.length - 2].trim();
}

function badExamples(page: string): string[] {
  const bad = /## Bad\n([\s\S]*?)(\n## |$)/.exec(page)?.[1] ?? '';
  return [...bad.matchAll(/```\w*\n([\s\S]*?)```/g)].map((match) => match[1]);
}

test('every rule page says whether --fix applies its quick fix, as the fix objects do', () => {
  const verified = new Set<string>();
  for (const rule of registry.all) {
    const [kind] = rule.id.split('/');
    const page = readFileSync(join('docs/rules', `${rule.id}.md`), 'utf8');
    const cell = quickFixCell(page);
    assert.match(
      cell,
      /^(no\b|yes, automatic \(`--fix`\): |yes, editor only \(not `--fix`\): |yes, automatic with `--fix` when )/,
      `${rule.id}: "${cell}"`,
    );
    const path = PATHS[kind];
    if (!path) continue;
    for (const example of badExamples(page)) {
      // Dockerfile examples are often a few instructions of a stage.
      const text = kind === 'dockerfile' && !/^FROM /im.test(example) ? `FROM debian:12\n${example}` : example;
      const linter = new Linter(registry, { readFile: () => undefined, exists: () => false });
      linter.workspace.set(path, text);
      const result = linter.lint(path);
      if (!result.file) continue;
      for (const finding of result.findings.filter((f) => f.ruleId === rule.id)) {
        const own = fixesFor(finding, result.file).filter((fix) => !fix.title.startsWith('Ignore '));
        if (own.length === 0) continue;
        verified.add(rule.id);
        const automatic = own.some((fix) => fix.automatic === true);
        if (automatic) assert.match(cell, /^yes, automatic/, `${rule.id} has an automatic fix: "${cell}"`);
        else assert.match(cell, /^yes, (editor only|automatic with `--fix` when)/, `${rule.id}: "${cell}"`);
      }
    }
  }
  // Bad examples that are fragments (a step, a container) give no finding; the rest must be checked.
  assert.ok(verified.size >= 25, `rules checked against their pages: ${[...verified].join(', ')}`);
});

test('the docs pages are the registry', () => {
  const pages = readdirSync('docs/rules', { recursive: true }).filter((p) => String(p).endsWith('.md')).length;
  assert.equal(pages, registry.all.length);
});
