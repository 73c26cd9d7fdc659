/**
 * A local action a step uses that the runner cannot start: `runs.using` names no runtime the runner has.
 * The step fails when it is reached, so the finding goes on its `uses:`. Reported by `github-actions/syntax`.
 * (A missing `main` file is not reported: actions' own workflows often build it in an earlier step.)
 */
import type { GitHubActionsFile, Host, Report } from '../../../engine/types';
import { mapGet, scalarString } from '../../../engine/yaml/nav';
import { localActionOf } from '../model/local-actions';
import { usesSites } from '../model/uses-sites';

/** What the runner accepts in `runs.using` (node12 and node16 still start, on a newer Node). */
const RUNTIMES = ['node12', 'node16', 'node20', 'node24', 'composite', 'docker'];

export function localActionProblems(file: GitHubActionsFile, host: Host): Report[] {
  const reports: Report[] = [];
  for (const { uses, isJob } of usesSites(file)) {
    const local = isJob ? undefined : localActionOf(file, uses, host);
    const runs = local && mapGet(local.metadata, 'runs');
    const using = scalarString(mapGet(runs, 'using'));
    if (!local || using === undefined || using.includes('${{')) continue;
    if (!RUNTIMES.includes(using.toLowerCase())) {
      reports.push({
        range: uses.valueRange,
        message: `The action ${uses.written} cannot run: its runs.using is '${using}', which is not a runtime the runner has (${RUNTIMES.join(', ')}).`,
      });
    }
  }
  return reports;
}
