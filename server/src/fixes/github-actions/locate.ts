import type { YAMLMap } from 'yaml';
import type { Finding, GitHubActionsFile, ParsedFile } from '../../engine/types';
import { jobsOf, type JobRef } from '../../rules/github-actions/model/workflow-model';
import { stepsOf } from '../../rules/github-actions/model/workflow-steps';

export function asGitHubActions(file: ParsedFile): GitHubActionsFile | undefined {
  return file.kind === 'github-actions' ? file : undefined;
}

/** The step whose source contains the finding. */
export function stepOf(file: GitHubActionsFile, finding: Finding): YAMLMap | undefined {
  const offset = file.lines.offsetAt(finding.range.start);
  return stepsOf(file).find(({ step }) => step.range && step.range[0] <= offset && offset < step.range[2])?.step;
}

export function jobOf(file: GitHubActionsFile, finding: Finding): JobRef | undefined {
  const id = finding.data?.jobId;
  return jobsOf(file).find((job) => job.id === id);
}
