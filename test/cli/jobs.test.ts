/**
 * `shipshape check --jobs N` on the built CLI: the checks run on N threads (the main one and N − 1 workers),
 * and the output is the same, byte for byte and in the same order, whatever N is (cross-file rules see the
 * whole workspace).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';

const CLI = resolve('dist/cli.js');
const RECORDER = pathToFileURL(resolve('test/cli/fixtures/record-modules.mjs')).href;
const scratch = mkdtempSync(join(tmpdir(), 'shipshape-jobs-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The CLI's output, and how many worker threads it started. */
function check(args: string[]): { stdout: string; code: number | null; threads: number } {
  const record = join(mkdtempSync(join(scratch, 'run-')), 'modules.json');
  const result = spawnSync(process.execPath, ['--import', RECORDER, CLI, 'check', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', SHIPSHAPE_RECORD_MODULES: record },
  });
  assert.equal(result.stderr, '');
  const threads = readdirSync(join(record, '..')).filter((name) => name.includes('.thread-')).length;
  return { stdout: result.stdout, code: result.status, threads };
}

describe('shipshape check --jobs', () => {
  const runs: Array<[string, string]> = [
    ['examples', 'json'],
    ['examples', 'text'],
    ['examples', 'sarif'],
    ['test/realworld', 'json'],
  ];
  for (const [folder, format] of runs) {
    test(`${folder}, --format ${format}: --jobs 2 and 3 report exactly what --jobs 1 does`, () => {
      const one = check([folder, '--format', format, '--jobs', '1']);
      assert.equal(one.threads, 0, '--jobs 1 checks in the main thread');
      assert.ok(one.stdout.length > 100);
      for (const jobs of [2, 3]) {
        const many = check([folder, '--format', format, '--jobs', String(jobs)]);
        assert.equal(many.threads, jobs - 1, `--jobs ${jobs} starts ${jobs - 1} workers`);
        assert.equal(many.stdout, one.stdout);
        assert.equal(many.code, one.code);
      }
    });
  }

  test('a folder named twice is checked twice, with or without workers (and the run ends)', () => {
    const one = check(['examples', 'examples', '--format', 'json', '--jobs', '1']);
    const many = check(['examples', 'examples', '--format', 'json', '--jobs', '2']);
    assert.ok(JSON.parse(one.stdout).findings.length > 0);
    assert.equal(many.stdout, one.stdout);
  });

  test('with --cache, workers fill the cache that the next run reads', () => {
    const location = join(scratch, 'cache.json');
    const fresh = check(['examples', '--format', 'json', '--jobs', '1']);
    const first = check(['examples', '--format', 'json', '--jobs', '2', '--cache', '--cache-location', location]);
    const second = check(['examples', '--format', 'json', '--jobs', '2', '--cache', '--cache-location', location]);
    assert.equal(first.threads, 1, 'nothing was cached yet: a worker checks with this thread');
    assert.equal(first.stdout, fresh.stdout);
    assert.equal(second.stdout, fresh.stdout);
    assert.equal(second.threads, 0, 'every file came from the cache: no worker was needed');
  });

  test('--jobs takes a whole number of at least 1', () => {
    for (const value of ['0', 'two', '1.5']) {
      const result = spawnSync(process.execPath, [CLI, 'check', 'examples', '--jobs', value], { encoding: 'utf8' });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /--jobs needs a whole number/);
    }
  });
});
