/**
 * The corpus of realistic Dockerfiles: no rule may crash on any of them, the clean ones have no findings,
 * and every other finding has been reviewed and recorded in corpus-expected.json.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, test } from 'node:test';
import { describe, lint } from '../../../helpers/lint';

const DIR = join(__dirname, '../../../fixtures/dockerfile/corpus');
const expected = JSON.parse(readFileSync(join(DIR, '../corpus-expected.json'), 'utf8')).expected as Record<
  string,
  string[]
>;
const dockerignore = readFileSync(join(DIR, '.dockerignore'), 'utf8');
const names = readdirSync(DIR)
  .filter((name) => name.endsWith('.dockerfile'))
  .sort();

suite('dockerfile corpus', () => {
  test('has 30 or more Dockerfiles, all reviewed', () => {
    assert.ok(names.length >= 30, `${names.length} files`);
    assert.deepEqual(Object.keys(expected).sort(), names);
  });

  for (const name of names) {
    test(name, () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      const findings = lint(`/corpus/${name}`, text, { files: { '/corpus/.dockerignore': dockerignore } });
      assert.deepEqual(
        findings.filter((f) => f.ruleId === 'shipshape/internal-error').map((f) => f.message),
        [],
      );
      const actual = findings.map((f) => `${f.ruleId} ${describe(f, text).at}`);
      if (name.startsWith('clean-')) assert.deepEqual(actual, []);
      assert.deepEqual(actual, expected[name]);
    });
  }
});
