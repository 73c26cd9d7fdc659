/**
 * The layers of DESIGN.md, enforced: no import cycles, and a file directly in `rules/<kind>/` is
 * always exactly one rule named after it (helpers live in `model/` or in a folder named after the
 * one rule they serve). The per-folder import bans are lint rules (eslint.config.mjs).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, test } from 'node:test';
import { FILE_KINDS } from '../../../server/src/engine/types';
import { registry } from '../../../server/src/rules';
import { importCycles } from './import-graph';

describe('import cycles', () => {
  for (const root of ['server/src', 'client/src']) {
    test(`${root} has none`, () => {
      assert.deepEqual(importCycles(root), []);
    });
  }

  test('the check finds a cycle, type-only ones included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipshape-cycles-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
      writeFileSync(join(dir, 'b.ts'), "export const b = 1;\nexport type C = import('./c').C;\n");
      writeFileSync(join(dir, 'c.ts'), "import type { A } from './a';\nexport type C = A;\n");
      writeFileSync(join(dir, 'd.ts'), "import { a } from './a';\nexport const d = a;\n");
      assert.deepEqual(importCycles(dir), [['a.ts', 'b.ts', 'c.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rule folders', () => {
  const registered = new Set(registry.all);
  for (const kind of FILE_KINDS) {
    const folder = `server/src/rules/${kind}`;
    if (!existsSync(folder)) continue;
    const modules = readdirSync(folder).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
    for (const name of modules) {
      test(`${kind}/${name} exports exactly one rule, ${kind}/${basename(name, '.ts')}`, async () => {
        const exports = Object.values((await import(`../../../${folder}/${name}`)) as Record<string, unknown>);
        assert.equal(exports.length, 1, `${name} exports ${exports.length} values; helpers belong in model/`);
        const rule = exports[0] as { id?: unknown };
        assert.equal(rule.id, `${kind}/${basename(name, '.ts')}`);
        assert.ok(registered.has(rule as never), `${rule.id} is in the registry (rules/index.ts)`);
      });
    }
  }
});
