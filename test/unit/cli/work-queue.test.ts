/**
 * The shared queue of a `--jobs` run, with several threads played in turn on one shared state: every file
 * is claimed exactly once, threads start on different kinds, and a thread keeps out of a kind whose checks
 * would make it parse every file of that kind again, unless it would otherwise sit idle with most of it left.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createQueueState, WorkQueue } from '../../../server/src/cli/parallel/work-queue';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function queues(groups: number[][], threads: number, batch: number): WorkQueue[] {
  const state = createQueueState(groups.length);
  return range(0, threads).map((thread) => new WorkQueue(state, groups, thread, threads, batch));
}

/** Claims round-robin until no thread takes anything; `reads(group)`: the kind bits a batch of it reads. */
function drain(all: WorkQueue[], reads: (group: number) => number = () => 0): Array<Array<[number, number[]]>> {
  const taken: Array<Array<[number, number[]]>> = all.map(() => []);
  for (let active = true; active;) {
    active = false;
    all.forEach((queue, thread) => {
      const claim = queue.next();
      if (!claim) return;
      active = true;
      taken[thread].push([claim.group, [...claim.items]]);
      queue.record(claim.group, reads(claim.group));
    });
  }
  return taken;
}

const items = (taken: Array<Array<[number, number[]]>>) =>
  taken.flatMap((claims) => claims.flatMap(([, claimed]) => claimed)).sort((a, b) => a - b);

describe('work queue of --jobs', () => {
  const cases: Array<{ name: string; groups: number[][]; threads: number; batch: number }> = [
    { name: 'one group, two threads', groups: [range(0, 37)], threads: 2, batch: 4 },
    { name: 'one group, three threads, batch 1', groups: [range(0, 10)], threads: 3, batch: 1 },
    { name: 'several groups, some empty', groups: [range(0, 9), [], range(9, 30), [30], []], threads: 3, batch: 4 },
    { name: 'more threads than files', groups: [[0], [1]], threads: 4, batch: 8 },
    { name: 'nothing to check', groups: [[], []], threads: 2, batch: 4 },
  ];
  for (const { name, groups, threads, batch } of cases) {
    test(`${name}: every file is claimed exactly once`, () => {
      const all = groups.flat().sort((a, b) => a - b);
      assert.deepEqual(items(drain(queues(groups, threads, batch))), all);
      // Also when the checks read kinds in full, and threads keep out of groups.
      assert.deepEqual(items(drain(queues(groups, threads, batch), (group) => 1 << group)), all);
    });
  }

  test('batches are claimed in the order of the group', () => {
    const [main] = queues([[5, 6, 7, 8, 9]], 1, 2);
    assert.deepEqual(main.next()?.items, [5, 6]);
    assert.deepEqual(main.next()?.items, [7, 8]);
    assert.deepEqual(main.next()?.items, [9]);
    assert.equal(main.next(), undefined);
  });

  test('threads start on different groups', () => {
    const [main, worker] = queues([range(0, 8), range(8, 16)], 2, 2);
    assert.equal(main.next()?.group, 0);
    assert.equal(worker.next()?.group, 1);
  });

  test('a group known to read no kind in full is shared as soon as a thread runs out of its own', () => {
    const [main, worker] = queues([range(0, 40), range(40, 42)], 2, 2);
    const first = main.next()!;
    main.record(first.group, 0);
    const own = worker.next()!;
    assert.equal(own.group, 1);
    worker.record(own.group, 0);
    assert.equal(worker.next()?.group, 0, 'its own group is done: it helps with the other');
  });

  test("a thread takes the groups no thread owns before it joins another's, even one that reads nothing in full", () => {
    const [main, worker] = queues([range(0, 4), range(4, 40), range(40, 48)], 2, 4);
    const own = worker.next()!;
    assert.equal(own.group, 1);
    worker.record(own.group, 0);
    const taken: number[] = [];
    for (let claim = main.next(); claim && claim.group !== 1; claim = main.next()) {
      taken.push(claim.group);
      main.record(claim.group, 0);
    }
    assert.deepEqual(taken, [0, 2, 2], "its own group, then the one no thread owns, and only then the worker's");
  });

  test('a group whose checks read their kind in full stays with the thread that read it', () => {
    const manifests = range(0, 40);
    const [main, worker] = queues([manifests, range(40, 60)], 2, 4);
    const first = main.next()!;
    main.record(first.group, 1 << 0);
    // The worker has its own group to check first, and keeps out of the manifests meanwhile.
    for (let batch = 0; batch < 5; batch++) {
      const claim = worker.next()!;
      assert.equal(claim.group, 1);
      worker.record(claim.group, 0);
    }
    for (let claim = main.next(); claim && claim.items[0] < 20; claim = main.next()) main.record(claim.group, 1 << 0);
    assert.equal(worker.next(), undefined, 'less than half left: not worth parsing every manifest again');
    const rest = drain([main], () => 1 << 0);
    assert.deepEqual(
      rest[0].flatMap(([, claimed]) => claimed),
      range(24, 40),
      'the owner checks the rest',
    );
  });

  test('an idle thread joins a group that reads its kind in full while at least half of it is left', () => {
    const [main, worker] = queues([range(0, 40)], 2, 4);
    main.record(main.next()!.group, 1 << 0);
    assert.equal(worker.next()?.group, 0);
  });

  test('a thread that has read the kind itself joins freely', () => {
    const [main, worker] = queues([range(0, 40), range(40, 44)], 2, 4);
    main.record(main.next()!.group, 1 << 0);
    // The worker's own group reads the same kind in full: it has parsed every file of it already.
    for (let claim = worker.next(); claim?.group === 1; claim = worker.next()) worker.record(claim.group, 1 << 0);
    for (let claim = main.next(); claim && claim.items[0] < 28; claim = main.next()) main.record(claim.group, 1 << 0);
    assert.equal(worker.next()?.group, 0);
  });
});
