/**
 * Every snippet we ship, expanded as the editor would insert it with its defaults, must pass our own
 * rules: zero warning or error findings, as the file kind it is written for. Info findings are advice
 * and may stay. Also checks that package.json contributes each snippet file for the right language.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { classify } from '../../server/src/engine/classify';
import { stripSnippet } from '../../server/src/fixes/snippet-text';
import { describe as describeFinding, lint } from '../helpers/lint';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes?: { snippets?: Array<{ language: string; path: string }> };
};

/** Where each snippet file's expansion is linted, and as what; `files` are its neighbours in the project. */
const TARGETS: Record<
  string,
  { path: string; kind: string; languages: string[]; files?: () => Record<string, string> }
> = {
  'dockerfile.json': { path: '/repo/Dockerfile', kind: 'dockerfile', languages: ['dockerfile'] },
  'kubernetes.json': { path: '/repo/k8s/app.yaml', kind: 'kubernetes', languages: ['yaml'] },
  'github-actions.json': { path: '/repo/.github/workflows/ci.yml', kind: 'github-actions', languages: ['yaml'] },
  'gitlab-ci.json': { path: '/repo/.gitlab-ci.yml', kind: 'gitlab-ci', languages: ['yaml'] },
  'compose.json': {
    path: '/repo/compose.yaml',
    kind: 'compose',
    languages: ['dockercompose', 'yaml'],
    // The app service builds from `.`: the project has a Dockerfile there (our own Node snippet).
    files: () => ({ '/repo/Dockerfile': expand(readSnippets('dockerfile.json')['Node.js multi-stage Dockerfile']) }),
  },
};

function readSnippets(file: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(root, 'snippets', file), 'utf8')) as Record<string, Snippet>;
}

/**
 * The body as inserted with every placeholder at its default. `stripSnippet` knows tab stops and
 * placeholders with plain defaults; choices, variables and nested placeholders are refused here, so
 * that a snippet using them cannot pass untested.
 */
function expand(snippet: Snippet): string {
  const body = snippet.body.join('\n');
  const unescaped = body.replace(/\\[$}\\]/g, '');
  assert.doesNotMatch(unescaped, /\$\{\d+\|/, 'choice placeholders are not supported by this test');
  assert.doesNotMatch(unescaped, /\$\{?[A-Z_]{2,}/, 'snippet variables are not supported by this test');
  assert.doesNotMatch(unescaped, /\$\{\d+:[^}]*\$\{/, 'nested placeholders are not supported by this test');
  return stripSnippet(body);
}

/** A tab stop used twice must have one default, or the mirrors would start out different. */
function inconsistentDefaults(snippet: Snippet): string[] {
  const defaults = new Map<string, Set<string>>();
  for (const [, stop, value] of snippet.body.join('\n').matchAll(/(?<!\\)\$\{(\d+):([^}]*)\}/g)) {
    defaults.set(stop, (defaults.get(stop) ?? new Set()).add(value));
  }
  return [...defaults]
    .filter(([, values]) => values.size > 1)
    .map(([stop, values]) => `$${stop}: ${[...values].join(' / ')}`);
}

describe('snippets', () => {
  const files = readdirSync(join(root, 'snippets'))
    .filter((name) => name.endsWith('.json'))
    .sort();

  test('every snippet file has a lint target and is contributed for its languages', () => {
    assert.deepEqual(files, Object.keys(TARGETS).sort());
    for (const file of files) {
      const contributed = (manifest.contributes?.snippets ?? [])
        .filter((entry) => entry.path === `./snippets/${file}`)
        .map((entry) => entry.language);
      assert.deepEqual(contributed.sort(), [...TARGETS[file].languages].sort(), `contributes.snippets for ${file}`);
    }
  });

  test('prefixes are unique and every snippet is described', () => {
    const prefixes = files.flatMap((file) => Object.values(readSnippets(file)).map((snippet) => snippet.prefix));
    assert.deepEqual(prefixes, [...new Set(prefixes)]);
    for (const file of files) {
      for (const [name, snippet] of Object.entries(readSnippets(file))) {
        assert.ok(snippet.description.length > 20, `${name}: description`);
        assert.ok(Array.isArray(snippet.body) && snippet.body.length > 3, `${name}: body`);
      }
    }
  });

  for (const file of files) {
    for (const [name, snippet] of Object.entries(readSnippets(file))) {
      test(`${file} "${name}" (${snippet.prefix}) expands to a ${TARGETS[file].kind} file with no warnings or errors`, () => {
        const target = TARGETS[file];
        assert.deepEqual(inconsistentDefaults(snippet), []);
        const text = expand(snippet);
        assert.equal(classify({ path: target.path, text })?.kind, target.kind);
        const findings = lint(target.path, text, { files: target.files?.() })
          .filter((finding) => finding.severity !== 'info')
          .map(
            (finding) =>
              `${finding.ruleId} (${finding.severity}) at ${describeFinding(finding, text).at} "${describeFinding(finding, text).token}": ${finding.message}`,
          );
        assert.deepEqual(findings, [], `expanded snippet:\n${text}`);
      });
    }
  }
});
