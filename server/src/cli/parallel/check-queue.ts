/** Checking files in one thread: one at a time, or batch by batch from the shared queue of a `--jobs` run. */
import type { Linter } from '../../engine/linter';
import type { ReadObserver } from '../../engine/read-observer';
import { FILE_KINDS, type FileKind } from '../../engine/types';
import { DependencyRecorder } from '../cache/dependencies';
import type { WorkerResult } from './protocol';
import type { WorkQueue } from './work-queue';

/** The group of the files of no kind Shipshape checks, after one group per kind. */
export const OTHER_GROUP = FILE_KINDS.length;

/** The queue group of a file of this kind (undefined: of no kind we check). */
export function groupOf(kind: FileKind | undefined): number {
  return kind === undefined ? OTHER_GROUP : FILE_KINDS.indexOf(kind);
}

/** One file checked in this thread; `record`: what it read, for `--cache`. */
export function checkHere(linter: Linter, path: string, record: boolean): WorkerResult {
  return checkObserved(linter, path, record ? new DependencyRecorder() : undefined).result;
}

/**
 * Checks units from the queue until it has none left for this thread, handing each claim's results to
 * `done` and telling the queue which kinds the checks read in full. The queue's items are `units`, each
 * a list of indexes into `paths`.
 */
export function checkQueue(
  linter: Linter,
  queue: WorkQueue,
  { paths, units }: { paths: readonly string[]; units: ReadonlyArray<readonly number[]> },
  record: boolean,
  done: (results: WorkerResult[]) => void,
): void {
  for (let claim = queue.next(); claim; claim = queue.next()) {
    let reads = 0;
    const results = claim.items
      .flatMap((unit) => units[unit])
      .map((item) => {
        const observer = record ? new DependencyRecorder() : new KindsRead();
        const { result, kinds } = checkObserved(linter, paths[item], observer);
        for (const kind of kinds) reads |= 1 << groupOf(kind);
        return result;
      });
    queue.record(claim.group, reads);
    done(results);
  }
}

function checkObserved(
  linter: Linter,
  path: string,
  observer: DependencyRecorder | KindsRead | undefined,
): { result: WorkerResult; kinds: readonly FileKind[] } {
  const result = linter.lint(path, undefined, { observer });
  const recorder = observer instanceof DependencyRecorder ? observer : undefined;
  return {
    result: {
      path,
      checked: result.file !== undefined,
      ignored: result.ignored,
      findings: result.findings,
      reads: recorder?.workspace,
      host: recorder?.host,
    },
    kinds: recorder?.wholeKinds ?? (observer instanceof KindsRead ? observer.kinds : []),
  };
}

/**
 * Hears only which kinds a check read in full: what the queue needs, without hashing what the host read.
 * A folder's files of a kind are not the kind in full: the queue hands out a folder's files together
 * (claim-units.ts), so no other thread parses them.
 */
class KindsRead implements ReadObserver {
  readonly kinds: FileKind[] = [];
  hostRead(): void {}
  hostExists(): void {}
  textsNamed(): void {}
  filesOfKind(kind: FileKind, folder?: string): void {
    if (folder === undefined && !this.kinds.includes(kind)) this.kinds.push(kind);
  }
}
