import type { YAMLMap } from 'yaml';
import type { GitHubActionsFile } from '../../../engine/types';
import { asMap, asSeq, entries, getIn, mapGet } from '../../../engine/yaml/nav';

export interface StepRef {
  step: YAMLMap;
  /** The job id, or undefined for a composite action's steps. */
  jobId?: string;
}

/** Every step of every job of a workflow, or of a composite action's `runs.steps`. */
export function stepsOf(file: GitHubActionsFile): StepRef[] {
  const steps: StepRef[] = [];
  for (const document of file.documents) {
    const root = document.contents;
    if (file.flavor === 'action') {
      for (const item of asSeq(getIn(root, ['runs', 'steps']))?.items ?? []) {
        const step = asMap(item);
        if (step) steps.push({ step });
      }
      continue;
    }
    for (const { key: jobId, pair } of entries(mapGet(root, 'jobs'))) {
      for (const item of asSeq(mapGet(pair.value, 'steps'))?.items ?? []) {
        const step = asMap(item);
        if (step) steps.push({ step, jobId });
      }
    }
  }
  return steps;
}
