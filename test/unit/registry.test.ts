import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, test } from 'node:test';
import { FILE_KINDS } from '../../server/src/engine/types';
import { registry } from '../../server/src/rules';
import { withRulesTable } from '../../scripts/readme-rules';
import { configSchemaText, SCHEMA_PATH } from '../../scripts/config-schema';

describe('rule registry', () => {
  for (const rule of registry.all) {
    test(`${rule.id}: id, docs page and aliases`, () => {
      assert.match(rule.id, /^[a-z-]+\/[a-z0-9-]+$/, 'kebab-case, kind-prefixed');
      const [prefix, name] = rule.id.split('/');
      assert.ok(prefix === rule.kind || (rule.kind === 'any' && prefix === 'shipshape'), 'prefix is the file kind');
      assert.ok(FILE_KINDS.includes(prefix as never), `${prefix} is a file kind`);
      const page = `docs/rules/${rule.id}.md`;
      assert.ok(existsSync(page), `${page} exists`);
      const text = readFileSync(page, 'utf8');
      assert.equal(text.split('\n')[0], `# ${rule.id}`, 'docs page title is the rule id');
      assert.ok(text.includes(`> ${rule.docs.summary}`), 'docs page quotes the summary');
      assert.ok(rule.docs.summary.endsWith('.'), 'summary is a sentence');
      for (const alias of rule.aliases) assert.match(alias, /^[a-z-]+:[\w.-]+$/, `alias ${alias} is tool:check`);
      if (rule.kind !== 'any') {
        const file = `server/src/rules/${rule.kind}/${name}.ts`;
        assert.ok(existsSync(file), `one file per rule, named after it: ${file}`);
        assert.ok(readFileSync(file, 'utf8').includes(`id: '${rule.id}'`), `${basename(file)} declares ${rule.id}`);
      }
    });
  }

  test('rules are listed in the order of localeCompare (the registry sorts by code unit, without ICU)', () => {
    const ids = registry.all.map((rule) => rule.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a.localeCompare(b)),
    );
  });

  test('the README rule table is up to date (npm run docs)', () => {
    const readme = readFileSync('README.md', 'utf8');
    assert.equal(readme, withRulesTable(readme));
  });
});

describe('config schema', () => {
  test('schemas/shipshape.schema.json is up to date (npm run docs)', () => {
    assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), configSchemaText());
  });
});
