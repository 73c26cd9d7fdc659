import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * The thread's used heap after a full garbage collection: what `shipshape/heapUsage` reports, so that a
 * test (or a bug report) can tell retained memory from garbage not yet collected. The collector is
 * reached the documented way, by exposing `gc` to a fresh context, only when this is asked.
 */
export function heapUsedAfterCollection(): number {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  return process.memoryUsage().heapUsed;
}
