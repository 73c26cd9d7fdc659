/**
 * `with:` and `secrets:` pass inputs and secrets to a reusable workflow, in a job that calls one with
 * `uses:`. Written in a job that runs its own steps, they make GitHub's parser read the job as a call:
 * it then reports `uses` as missing and the job's own keys (`runs-on`, `steps`) as unexpected, though
 * the mistake is the `with:` (when `runs-on` comes first, it says only "Unexpected value 'with'"). We
 * report that key, saying why, and drop the parser's errors it caused.
 * Reported by `github-actions/syntax`.
 */
import type { GitHubActionsFile, Range, Report } from '../../../engine/types';
import { entries, keyRange } from '../../../engine/yaml/nav';
import { hasKey, jobsOf } from '../model/workflow-model';

/** Keys of a job that runs steps, which a reusable-workflow call does not take. */
const STEP_JOB_KEYS = new Set([
  'runs-on',
  'steps',
  'env',
  'defaults',
  'timeout-minutes',
  'container',
  'services',
  'environment',
  'outputs',
  'continue-on-error',
  'snapshot',
]);

const CALL_KEYS = new Set(['with', 'secrets']);

export interface CallKeyProblems {
  reports: Report[];
  /** Where the parser's errors that the misplaced keys caused are (the job's key, its own keys). */
  causedErrorRanges: Set<string>;
}

export function callKeysWithoutUses(file: GitHubActionsFile): CallKeyProblems {
  const reports: Report[] = [];
  const causedErrorRanges = new Set<string>();
  for (const { id, pair, job } of jobsOf(file)) {
    if (!job || hasKey(job, 'uses') || !(hasKey(job, 'steps') || hasKey(job, 'runs-on'))) continue;
    const misplaced = entries(job).filter(({ key }) => CALL_KEYS.has(key));
    if (misplaced.length === 0) continue;
    for (const { key, pair: entry } of misplaced) {
      const range = keyRange(file.lines, entry);
      if (range)
        reports.push({
          range,
          message:
            key === 'with'
              ? `Job '${id}' runs its own steps, and with: passes inputs only to a reusable workflow called with uses:. Give the values to the steps that need them (a step's with:, or env:).`
              : `Job '${id}' runs its own steps, and secrets: passes secrets only to a reusable workflow called with uses:. Its steps read secrets directly: \${{ secrets.NAME }}.`,
        });
    }
    const addRange = (range: Range | undefined) => range && causedErrorRanges.add(JSON.stringify(range));
    addRange(keyRange(file.lines, pair));
    for (const { key, pair: entry } of entries(job))
      if (STEP_JOB_KEYS.has(key) || CALL_KEYS.has(key)) addRange(keyRange(file.lines, entry));
  }
  return { reports, causedErrorRanges };
}

/** The parser's errors a misplaced `with:`/`secrets:` caused: `uses` missing, and the job's own keys unexpected. */
export function causedByCallKeys(error: { message: string; range: Range }, problems: CallKeyProblems): boolean {
  if (!problems.causedErrorRanges.has(JSON.stringify(error.range))) return false;
  const unexpected = /^Unexpected value '([^']+)'$/.exec(error.message)?.[1];
  return (
    error.message === 'Required property is missing: uses' ||
    (!!unexpected && (STEP_JOB_KEYS.has(unexpected) || CALL_KEYS.has(unexpected)))
  );
}
