/**
 * The units of the `--jobs` queue: a folder's files of one kind stay together (checks that read the
 * folder parse it once), small folders share a claim, large ones are cut so that the threads finish together.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { claimUnits, LARGE_UNIT, SMALL_UNIT } from '../../../server/src/cli/parallel/claim-units';

/** The units of each group, as paths. */
function unitsAsPaths(paths: string[], groupOf: (path: string) => number, groups = 2): string[][][] {
  const { units, groups: byGroup } = claimUnits(paths, groups, (index) => groupOf(paths[index]));
  return byGroup.map((unitIndexes) => unitIndexes.map((unit) => units[unit].map((item) => paths[item])));
}

describe('claim units of --jobs', () => {
  test("a folder's files of a kind are one unit, even when other files come between them", () => {
    const paths = ['/r/a/1.yaml', '/r/a/Dockerfile', '/r/a/2.yaml', '/r/a/3.yaml', '/r/a/4.yaml', '/r/a/5.yaml'];
    const byKind = unitsAsPaths(paths, (path) => (path.endsWith('.yaml') ? 0 : 1));
    assert.deepEqual(byKind, [
      [['/r/a/1.yaml', '/r/a/2.yaml', '/r/a/3.yaml', '/r/a/4.yaml', '/r/a/5.yaml']],
      [['/r/a/Dockerfile']],
    ]);
  });

  test('files of one folder in another folder between them stay in their own unit', () => {
    const paths = ['/r/a/1.yaml', '/r/a/2.yaml', '/r/a/3.yaml', '/r/a/b/1.yaml', '/r/a/b/2.yaml', '/r/a/4.yaml'];
    const [units] = unitsAsPaths(paths, () => 0, 1);
    assert.deepEqual(units, [
      ['/r/a/1.yaml', '/r/a/2.yaml', '/r/a/3.yaml', '/r/a/4.yaml'],
      ['/r/a/b/1.yaml', '/r/a/b/2.yaml'],
    ]);
  });

  test(`folders are claimed together while they have no more than ${SMALL_UNIT} files between them`, () => {
    const paths = ['/r/1/Dockerfile', '/r/2/Dockerfile', '/r/3/Dockerfile', '/r/4/Dockerfile', '/r/5/Dockerfile'];
    const [units] = unitsAsPaths(paths, () => 0, 1);
    assert.deepEqual(
      units.map((unit) => unit.length),
      [SMALL_UNIT, 5 - SMALL_UNIT],
    );
  });

  test(`a folder of more than ${LARGE_UNIT} files is cut into parts of ${LARGE_UNIT}`, () => {
    const paths = Array.from({ length: 2 * LARGE_UNIT + 3 }, (_, i) => `/r/.github/workflows/w${i}.yml`);
    const [units] = unitsAsPaths(paths, () => 0, 1);
    assert.deepEqual(
      units.map((unit) => unit.length),
      [LARGE_UNIT, LARGE_UNIT, 3],
    );
    assert.deepEqual(units.flat(), paths, 'in order');
  });

  test('every path is in exactly one unit of its group, and an empty group has none', () => {
    const paths = Array.from({ length: 50 }, (_, i) => `/r/f${i % 7}/x${i}.yaml`);
    const { units, groups } = claimUnits(paths, 3, (index) => index % 2);
    assert.deepEqual(groups[2], []);
    const claimed = groups.flatMap((unitIndexes, group) =>
      unitIndexes.flatMap((unit) => units[unit].map((item) => ({ item, group }))),
    );
    assert.deepEqual(
      claimed.map(({ item }) => item).sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i),
    );
    assert.ok(claimed.every(({ item, group }) => item % 2 === group));
  });
});
