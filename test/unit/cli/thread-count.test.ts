/** How many threads a `--jobs` run checks on, from `--jobs`, the work and the cores. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LONG_RUN_CHARACTERS, threadCount } from '../../../server/src/cli/parallel/check-pool';

const SHORT = 2_400_000; // 300 Dockerfiles
const LONG = LONG_RUN_CHARACTERS;

describe('threads of a check', () => {
  const cases: Array<[string, number | undefined, number, number, number, number]> = [
    ['--jobs N is obeyed', 3, 300, SHORT, 2, 3],
    ['--jobs N, but no more threads than files', 4, 2, 100, 8, 2],
    ['--jobs 1', 1, 10_000, LONG, 8, 1],
    ['nothing to check', undefined, 0, 0, 8, 1],
    ['a short run on 2 cores: one thread (V8 keeps the other core busy)', undefined, 300, SHORT, 2, 1],
    ['a short run on 4 cores: one per two cores', undefined, 300, SHORT, 4, 2],
    ['a short run on 8 cores', undefined, 300, SHORT, 8, 4],
    ['a long run: one per core', undefined, 10_000, LONG, 2, 2],
    ['a long run on many cores', undefined, 10_000, LONG, 16, 16],
    ['at least 32 files each', undefined, 95, SHORT, 16, 2],
    ['fewer than 64 files: one thread', undefined, 63, LONG, 16, 1],
  ];
  for (const [name, jobs, files, characters, cores, expected] of cases) {
    test(name, () => assert.equal(threadCount(jobs, files, characters, cores), expected));
  }
});
