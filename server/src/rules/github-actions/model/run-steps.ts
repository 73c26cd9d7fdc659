/**
 * The `run:` steps of a workflow or composite action with the shell each runs in: the step's `shell`, else
 * the job's `defaults.run.shell`, else the workflow's, else bash (off Windows runners, where the runner
 * picks pwsh). A composite action's run steps must name their shell.
 */
import { isScalar, type Scalar, type YAMLMap } from 'yaml';
import type { GitHubActionsFile } from '../../../engine/types';
import { asMap, asSeq, entries, getIn, mapGet, scalarString } from '../../../engine/yaml/nav';
import { jobsOf, jobSteps, workflowRoot } from './workflow-model';

export interface RunStep {
  step: YAMLMap;
  /** The `run:` value: a string scalar with its source range. */
  run: Scalar<string>;
  /** The shell setting in force, as written (`bash`, `python {0}`); undefined when the runner picks it. */
  shell: string | undefined;
  /** Names the workflow's, the job's and the step's `env:` set: the runner exports them to the script. */
  env: string[];
}

export function runSteps(file: GitHubActionsFile): RunStep[] {
  const found: RunStep[] = [];
  const add = (step: YAMLMap | undefined, inherited: string | undefined, outerEnv: readonly string[]) => {
    const run = mapGet(step, 'run');
    if (!step || !isScalar(run) || typeof run.value !== 'string' || !run.range) return;
    const shell = scalarString(mapGet(step, 'shell')) ?? inherited;
    found.push({ step, run: run as Scalar<string>, shell, env: [...outerEnv, ...envNames(step)] });
  };
  if (file.flavor === 'action') {
    for (const document of file.documents)
      for (const item of asSeq(getIn(document.contents, ['runs', 'steps']))?.items ?? [])
        add(asMap(item), undefined, []);
    return found;
  }
  const root = workflowRoot(file);
  const workflowShell = defaultShell(root);
  for (const { job } of jobsOf(file)) {
    const jobShell = defaultShell(job) ?? workflowShell ?? (runsOnWindows(job) ? undefined : 'bash');
    for (const step of jobSteps(job)) add(step, jobShell, [...envNames(root), ...envNames(job)]);
  }
  return found;
}

function defaultShell(owner: YAMLMap | undefined): string | undefined {
  return scalarString(getIn(owner, ['defaults', 'run', 'shell']));
}

function runsOnWindows(job: YAMLMap | undefined): boolean {
  const runsOn = mapGet(job, 'runs-on');
  const labels = asSeq(runsOn)?.items.map(scalarString) ?? [scalarString(runsOn)];
  return labels.some((label) => label !== undefined && /^windows(-|$)/i.test(label));
}

/** The names an `env:` mapping sets. */
function envNames(owner: YAMLMap | undefined): string[] {
  return entries(mapGet(owner, 'env')).map(({ key }) => key);
}
