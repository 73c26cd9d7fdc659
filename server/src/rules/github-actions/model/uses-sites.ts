import type { YAMLMap } from 'yaml';
import type { GitHubActionsFile } from '../../../engine/types';
import { jobsOf, usesOf, type UsesRef } from './workflow-model';
import { stepsOf } from './workflow-steps';

export interface UsesSite {
  uses: UsesRef;
  /** The step, or the job for a reusable-workflow call. */
  owner: YAMLMap;
  isJob: boolean;
}

/** Six checks read them: found once per parse of the file. */
const sitesByFile = new WeakMap<GitHubActionsFile, readonly UsesSite[]>();

/** Every `uses:` of a file: steps (of workflow jobs and composite actions) and reusable-workflow jobs. */
export function usesSites(file: GitHubActionsFile): readonly UsesSite[] {
  let sites = sitesByFile.get(file);
  if (!sites) sitesByFile.set(file, (sites = findUsesSites(file)));
  return sites;
}

function findUsesSites(file: GitHubActionsFile): UsesSite[] {
  const sites: UsesSite[] = [];
  for (const { step } of stepsOf(file)) {
    const uses = usesOf(file, step);
    if (uses) sites.push({ uses, owner: step, isJob: false });
  }
  for (const { job } of jobsOf(file)) {
    const uses = job && usesOf(file, job);
    if (uses && job) sites.push({ uses, owner: job, isJob: true });
  }
  return sites;
}
