import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { lint } from '../../../helpers/lint';

const root = join(__dirname, '../../../..');

describe('github-actions: robustness', () => {
  const odd = [
    '',
    'on: push\n',
    'jobs: 5\n',
    '- a\n- b\n',
    'on: push\njobs:\n  a:\n',
    'on: push\njobs:\n  a:\n    steps: x\n    strategy:\n      matrix: [1]\n',
    'on:\n  schedule:\n    - cron: 5\njobs:\n  a:\n    needs: [a]\n    runs-on: [1, {x: y}]\n',
  ];
  for (const text of odd) {
    test(`no rule crashes on ${JSON.stringify(text)}`, () => {
      for (const path of ['/r/.github/workflows/w.yml', '/r/action.yml']) {
        assert.deepEqual(
          lint(path, text).filter((f) => f.ruleId === 'shipshape/internal-error'),
          [],
        );
      }
    });
  }

  test('the vendored parser bundle matches the installed packages', () => {
    const header = readFileSync(
      join(root, 'server/src/rules/github-actions/parser/workflow-parser.bundle.js'),
      'utf8',
    ).split('\n')[0];
    for (const name of ['@actions/workflow-parser', '@actions/expressions']) {
      const { version } = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      };
      assert.ok(
        header.includes(`${name}@${version}`),
        `${header}\nrun npm run bundle:workflow-parser after upgrading ${name}`,
      );
    }
  });
});
