/**
 * What one claim from the `--jobs` queue takes: the files of one kind in one folder together. Checks of
 * Kubernetes manifests and Compose files parse their folder's other files of the kind (a budget in one
 * file, an override beside it); were a folder's files spread over two threads, each thread would parse
 * the whole folder. Measured on the bench's 10,000 mixed files with four files a claim: 4,328 manifest
 * parses for 2,982 manifests, a third of the kind's parsing done twice.
 */
import { directoryOf } from '../../engine/paths';

/** Folders with fewer files than this are claimed together: a claim costs a message from a worker. */
export const SMALL_UNIT = 4;
/**
 * A folder with more files is claimed in parts, so that the threads still finish together: a workflow
 * takes 10–20 ms to check, and `.github/workflows` holds all of a repository's. Not fewer: a part of a
 * folder whose checks read the folder parses the whole folder in each thread that claims a part (the
 * bench's 10,000 mixed files, parts of 8: 3,490 manifest parses for 2,982 manifests; of 32: none twice).
 */
export const LARGE_UNIT = 32;

export interface ClaimUnits {
  /** Each unit: indexes into the paths, of one group, one folder (or several small ones). */
  units: number[][];
  /** Per group, the indexes of its units, in the order of the paths. */
  groups: number[][];
}

/** The units of `paths` (`group`: the group of a path's index), each group's folders in order of appearance. */
export function claimUnits(paths: readonly string[], groupCount: number, group: (index: number) => number): ClaimUnits {
  const folders: Array<Map<string, number[]>> = Array.from({ length: groupCount }, () => new Map());
  paths.forEach((path, index) => {
    const byFolder = folders[group(index)];
    const folder = directoryOf(path);
    const items = byFolder.get(folder);
    if (items) items.push(index);
    else byFolder.set(folder, [index]);
  });
  const units: number[][] = [];
  const groups = folders.map((byFolder) => {
    const unitsOfGroup: number[] = [];
    let open: number[] | undefined;
    for (const items of byFolder.values()) {
      for (let start = 0; start < items.length; start += LARGE_UNIT) {
        const part = items.slice(start, start + LARGE_UNIT);
        if (open && open.length + part.length <= SMALL_UNIT) {
          open.push(...part);
          continue;
        }
        open = part;
        unitsOfGroup.push(units.length);
        units.push(part);
      }
    }
    return unitsOfGroup;
  });
  return { units, groups };
}
