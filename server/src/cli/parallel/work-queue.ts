/**
 * The files of one `--jobs` run, in groups (one per kind), claimed in small batches by every thread (the
 * main one and the workers) through one SharedArrayBuffer: no thread waits for another to hand out work,
 * and a worker that is still starting simply claims less.
 *
 * Why groups: some checks read every file of a kind (`workspace.files('kubernetes')`), and the first such
 * read in a thread parses all of them there. A second thread checking a few of those files would parse the
 * whole kind again: CPU and memory for nothing. So the first thread to claim from a group owns it; another
 * thread joins a group only when it has nothing else to do (a kind's code also warms up best in one
 * thread), and then once its checks are known to read nothing that thread has not read already, or while
 * at least half of the group is left (then sharing what is left is worth the second parse). Which group reads what is learnt from the checks themselves (`record`).
 * Whatever thread checks a file, its findings are the same: this decides only how fast.
 */

/** Per group, in the shared state: claimed so far, owner (thread + 1; 0 none), kinds read (bits), seen (0/1). */
const CLAIMED = 0;
const OWNER = 1;
const READS = 2;
const SEEN = 3;
const FIELDS = 4;

/** The shared state for this many groups, to send to every thread with the groups themselves. */
export function createQueueState(groups: number): SharedArrayBuffer {
  return new SharedArrayBuffer(groups * FIELDS * Int32Array.BYTES_PER_ELEMENT);
}

export interface Claim {
  group: number;
  /** The items of the group claimed, in the group's order. */
  items: readonly number[];
}

export class WorkQueue {
  private readonly state: Int32Array;
  /** The groups in this thread's order of preference: threads start on different groups. */
  private readonly order: number[];
  /** The kinds (bits) this thread's checks have read in full so far. */
  private readMask = 0;

  constructor(
    state: SharedArrayBuffer,
    private readonly groups: ReadonlyArray<readonly number[]>,
    private readonly thread: number,
    threads: number,
    private readonly batch: number,
  ) {
    this.state = new Int32Array(state);
    const used = groups.map((_, index) => index).filter((index) => groups[index].length > 0);
    const start = used.length === 0 ? 0 : Math.floor((thread * used.length) / threads);
    this.order = [...used.slice(start), ...used.slice(0, start)];
  }

  /** The next batch for this thread, or undefined when nothing is left that it should take. */
  next(): Claim | undefined {
    for (const joining of [false, true]) {
      for (const group of this.order) {
        const items = this.groups[group];
        const remaining = items.length - Atomics.load(this.state, group * FIELDS + CLAIMED);
        if (remaining <= 0 || !this.mayTake(group, remaining, joining)) continue;
        const start = Atomics.add(this.state, group * FIELDS + CLAIMED, this.batch);
        if (start < items.length) return { group, items: items.slice(start, start + this.batch) };
      }
    }
    return undefined;
  }

  /** After checking a batch of `group`: `reads`, the bits of the kinds its checks read in full. */
  record(group: number, reads: number): void {
    Atomics.or(this.state, group * FIELDS + READS, reads);
    Atomics.store(this.state, group * FIELDS + SEEN, 1);
    this.readMask |= reads;
  }

  private mayTake(group: number, remaining: number, joining: boolean): boolean {
    const base = group * FIELDS;
    const me = this.thread + 1;
    const owner = Atomics.compareExchange(this.state, base + OWNER, 0, me);
    if (owner === 0 || owner === me) return true;
    // Another thread's group only when this one has nothing of its own left: a kind's code is compiled
    // and warmed up in the thread that checks it (the bench's 10,000 mixed files, profiled on a loaded
    // machine: two threads sharing the manifests from the start took 4.4 s to parse them against 3.6 s in
    // one thread, and their rules 2.4 s against 1.6 s).
    if (!joining) return false;
    const known = Atomics.load(this.state, base + SEEN) === 1;
    if (known && (Atomics.load(this.state, base + READS) & ~this.readMask) === 0) return true;
    return remaining * 2 >= this.groups[group].length;
  }
}
