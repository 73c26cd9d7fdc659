/**
 * The tree as plain rows, built from the service's state. The VS Code tree provider only maps rows
 * to TreeItems; when a row's children are not loaded yet, `needs` says what to load (the service
 * loads it, never a tree node).
 */
import { elapsed, escapeMarkdown, jobDescription, rateLimitNote, runDescription, runTitle, runTooltip } from './format';
import { healthByRef, workflowHealth } from './health/from-state';
import { healthSummary, healthTooltip } from './health/text';
import type { ApiError } from './http';
import { groupByStage, isActive, type Job, type Run, type RunState, type Workflow } from './model';
import {
  DEFAULT_HEALTH_WINDOW,
  GITLAB_PIPELINES,
  jobsKey,
  type PipelinesService,
  type RepositoryState,
} from './pipelines-service';

export type RowKind =
  | 'repository'
  | 'branch'
  | 'workflows'
  | 'pipelines'
  | 'workflow'
  | 'run'
  | 'attempt'
  | 'stage'
  | 'job'
  | 'step'
  | 'message'
  | 'error'
  | 'unknown-remote';

export interface Row {
  id: string;
  kind: RowKind;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  state?: RunState;
  /** A codicon id, for rows without a run state. */
  icon?: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** `;kind;provider;action;…;` — package.json menus match actions with `viewItem =~ /;cancel;/`. */
  contextValue: string;
  repoKey?: string;
  run?: Run;
  job?: Job;
  workflow?: Workflow;
  stage?: string;
  url?: string;
  error?: ApiError;
}

export interface Children {
  rows: Row[];
  needs?: { kind: 'jobs'; repoKey: string; run: Run } | { kind: 'workflow-runs'; repoKey: string; workflowId: number };
}

export interface RowOptions {
  now: number;
  /** Whether a workflow file has a `workflow_dispatch` trigger; undefined when unknown. */
  dispatchable?: (repoKey: string, workflowPath: string) => boolean | undefined;
  /** Runs a list shows (lists are fetched longer for the health figures); all when undefined. */
  runsShown?: number;
  /** Completed runs the health figures cover. */
  healthWindow?: number;
}

function context(...tokens: (string | false | undefined)[]): string {
  return `;${tokens.filter(Boolean).join(';')};`;
}

export function rootRows(service: PipelinesService, options: RowOptions): Row[] {
  const repos = service.repositories();
  const unknown = service.unknownRemotes().map<Row>((remote) => ({
    id: `unknown:${remote.key}`,
    kind: 'unknown-remote',
    label: `${remote.host}/${remote.path}`,
    description: `unknown host · ${remote.remoteNames.join(', ')}`,
    tooltip: remote.reason,
    icon: 'question',
    collapsible: 'none',
    contextValue: context('unknownRemote'),
  }));
  if (repos.length === 1 && unknown.length === 0) return repositoryChildren(repos[0]!, options);
  return [...repos.map((repo) => repositoryRow(repo, options)), ...unknown];
}

export function repositoryRow(repo: RepositoryState, options: RowOptions): Row {
  const notes = [repo.placed.host, repo.branch ?? 'detached HEAD'];
  if ((repo.rateLimitedUntil ?? 0) > options.now) notes.push(rateLimitNote(repo.rateLimitedUntil!));
  else if (repo.provider && !repo.provider.authenticated && repo.placed.provider === 'github')
    notes.push('signed out: 60 requests an hour');
  return {
    id: `repo:${repo.key}`,
    kind: 'repository',
    label: repo.placed.path,
    description: notes.join(' · '),
    tooltip: `**${repo.placed.path}** on ${repo.placed.host}\n\nRemotes: ${repo.remoteNames.join(', ')}`,
    icon: repo.placed.provider === 'github' ? 'github' : 'repo',
    collapsible: 'expanded',
    contextValue: context(
      'repository',
      repo.placed.provider,
      'browser',
      repo.placed.provider === 'gitlab' && 'runPipeline',
    ),
    repoKey: repo.key,
    url: repo.placed.webUrl,
  };
}

/** Sections of one repository, with its poll-level error and rate-limit note on top. */
export function repositoryChildren(repo: RepositoryState, options: RowOptions): Row[] {
  const rows: Row[] = [];
  if (repo.pollError) rows.push(errorRow(`repo:${repo.key}`, repo, repo.pollError));
  if ((repo.rateLimitedUntil ?? 0) > options.now && !repo.pollError)
    rows.push(messageRow(`repo:${repo.key}:limited`, rateLimitNote(repo.rateLimitedUntil!), 'watch'));
  const github = repo.placed.provider === 'github';
  rows.push({
    id: `branch:${repo.key}`,
    kind: 'branch',
    label: repo.branch ? `Current branch: ${repo.branch}` : 'Current branch',
    description: repo.branch ? undefined : 'detached HEAD',
    icon: 'git-branch',
    collapsible: 'expanded',
    contextValue: context('branch', repo.placed.provider, !github && repo.branch && 'runPipeline'),
    repoKey: repo.key,
  });
  rows.push({
    id: `${github ? 'workflows' : 'pipelines'}:${repo.key}`,
    kind: github ? 'workflows' : 'pipelines',
    label: github ? 'Workflows' : 'Pipelines',
    ...(github ? {} : pipelinesHealth(repo, options)),
    icon: github ? 'list-tree' : 'list-flat',
    collapsible: github ? 'collapsed' : 'collapsed',
    contextValue: context(github ? 'workflows' : 'pipelines', repo.placed.provider, !github && 'runPipeline'),
    repoKey: repo.key,
  });
  return rows;
}

export function childRows(service: PipelinesService, parent: Row | undefined, given: RowOptions): Children {
  const settings = service.currentSettings;
  const options: RowOptions = {
    runsShown: settings.runsPerWorkflow,
    healthWindow: settings.healthWindow ?? DEFAULT_HEALTH_WINDOW,
    ...given,
  };
  if (!parent) return { rows: rootRows(service, options) };
  const repo = parent.repoKey ? service.repository(parent.repoKey) : undefined;
  if (!repo) return { rows: [] };
  switch (parent.kind) {
    case 'repository':
      return { rows: repositoryChildren(repo, options) };
    case 'branch':
      if (!repo.branch) return { rows: [messageRow(`${parent.id}:none`, 'Not on a branch (detached HEAD)', 'info')] };
      return { rows: runList(parent.id, repo, repo.branchRuns, false, options, 'No runs on this branch yet') };
    case 'workflows': {
      const rows: Row[] = [];
      if (repo.workflows.error) rows.push(errorRow(parent.id, repo, repo.workflows.error));
      const workflows = repo.workflows.value;
      if (!workflows) return { rows: rows.length ? rows : [loadingRow(parent.id)] };
      if (!workflows.length && !rows.length) rows.push(messageRow(`${parent.id}:none`, 'No workflows', 'info'));
      for (const workflow of workflows) rows.push(workflowRow(repo, workflow, options));
      return { rows };
    }
    case 'pipelines':
      return workflowRuns(parent, repo, GITLAB_PIPELINES, options);
    case 'workflow':
      return workflowRuns(parent, repo, parent.workflow!.id, options);
    case 'run':
    case 'attempt': {
      const run = parent.run!;
      const loaded = repo.jobs.get(jobsKey(run));
      const rows: Row[] = [];
      if (loaded?.error) rows.push(errorRow(parent.id, repo, loaded.error));
      if (!loaded?.value) {
        if (!rows.length) rows.push(loadingRow(parent.id));
        return { rows, needs: loaded?.error ? undefined : { kind: 'jobs', repoKey: repo.key, run } };
      }
      if (!loaded.value.length) rows.push(messageRow(`${parent.id}:none`, 'No jobs', 'info'));
      if (run.provider === 'gitlab')
        for (const stage of groupByStage(loaded.value))
          rows.push({
            id: `${parent.id}:stage:${stage.stage}`,
            kind: 'stage',
            label: stage.stage,
            description: `${stage.jobs.length} job${stage.jobs.length === 1 ? '' : 's'}`,
            state: stage.state,
            collapsible: stage.state === 'failure' || isActive(stage.state) ? 'expanded' : 'collapsed',
            contextValue: context('stage', 'gitlab'),
            repoKey: repo.key,
            run,
            stage: stage.stage,
          });
      else for (const job of loaded.value) rows.push(jobRow(parent.id, repo, job, options));
      // GitHub keeps every attempt of a re-run run: the earlier ones, newest first, each with its jobs.
      if (parent.kind === 'run' && run.provider === 'github')
        for (let attempt = run.attempt - 1; attempt >= 1; attempt--)
          rows.push({
            id: `${parent.id}:attempt:${attempt}`,
            kind: 'attempt',
            label: `Attempt ${attempt}`,
            description: 'earlier attempt',
            icon: 'history',
            collapsible: 'collapsed',
            contextValue: context('attempt', 'github', 'browser'),
            repoKey: repo.key,
            run: { ...run, attempt },
            url: `${run.webUrl}/attempts/${attempt}`,
          });
      return { rows };
    }
    case 'stage': {
      const jobs = repo.jobs.get(jobsKey(parent.run!))?.value ?? [];
      return {
        rows: jobs
          .filter((job) => (job.stage ?? 'jobs') === parent.stage)
          .sort((a, b) => a.id - b.id)
          .map((job) => jobRow(parent.id, repo, job, options)),
      };
    }
    case 'job': {
      const job = parent.job!;
      if (job.downstream) return { rows: [runRow(parent.id, repo, job.downstream, options, true)] };
      return {
        rows: job.steps.map<Row>((step) => ({
          id: `${parent.id}:step:${step.number}`,
          kind: 'step',
          label: step.name,
          description: elapsed(step, options.now) || undefined,
          state: step.state,
          collapsible: 'none',
          contextValue: context('step', job.provider),
          repoKey: repo.key,
          job,
        })),
      };
    }
    default:
      return { rows: [] };
  }
}

function workflowRuns(parent: Row, repo: RepositoryState, workflowId: number, options: RowOptions): Children {
  const loaded = repo.workflowRuns.get(workflowId);
  if (!loaded)
    return { rows: [loadingRow(parent.id)], needs: { kind: 'workflow-runs', repoKey: repo.key, workflowId } };
  const shown = options.runsShown ? { ...loaded, value: loaded.value?.slice(0, options.runsShown) } : loaded;
  return { rows: runList(parent.id, repo, shown, true, options, 'No runs yet') };
}

/** GitLab: the figures per ref, the default branch's in the description. */
function pipelinesHealth(repo: RepositoryState, options: RowOptions): Pick<Row, 'description' | 'tooltip'> {
  const runs = repo.workflowRuns.get(GITLAB_PIPELINES)?.value;
  if (!runs?.length) return {};
  const window = options.healthWindow ?? DEFAULT_HEALTH_WINDOW;
  const refs = healthByRef(repo, runs, window, options.now);
  const main = refs.find((each) => each.ref === each.figures.defaultBranch) ?? refs[0]!;
  const summary = healthSummary(main.figures);
  const others = refs
    .filter((each) => each !== main && healthSummary(each.figures))
    .slice(0, 5)
    .map((each) => `- \`${each.ref.replace(/`/g, '')}\`: ${healthSummary(each.figures)}`);
  return {
    description: summary ? `${main.ref} ${summary}` : undefined,
    tooltip: [
      `**Pipelines** on \`${main.ref.replace(/`/g, '')}\``,
      '',
      healthTooltip(main.figures, escapeMarkdown),
      ...(others.length ? ['', '**Other refs**', '', ...others] : []),
    ].join('\n'),
  };
}

function runList(
  parentId: string,
  repo: RepositoryState,
  loaded: { value?: Run[]; error?: ApiError },
  withBranch: boolean,
  options: RowOptions,
  empty: string,
): Row[] {
  const rows: Row[] = [];
  if (loaded.error) rows.push(errorRow(parentId, repo, loaded.error));
  if (!loaded.value) return rows.length ? rows : [loadingRow(parentId)];
  if (!loaded.value.length && !rows.length) rows.push(messageRow(`${parentId}:none`, empty, 'info'));
  for (const run of loaded.value) rows.push(runRow(parentId, repo, run, options, withBranch));
  return rows;
}

export function runRow(
  parentId: string,
  repo: RepositoryState,
  run: Run,
  options: RowOptions,
  withBranch: boolean,
): Row {
  const github = run.provider === 'github';
  const active = isActive(run.state);
  const finished = !active && run.state !== 'manual';
  return {
    // Without the attempt: a re-run keeps its place (and its expansion) in the tree.
    id: `${parentId}:run:${run.projectId ?? ''}:${run.id}`,
    kind: 'run',
    label: runTitle(run),
    description: runDescription(run, options.now, withBranch),
    tooltip: runTooltip(run, options.now),
    state: run.state,
    collapsible: 'collapsed',
    contextValue: context(
      'run',
      run.provider,
      'browser',
      (active || run.state === 'manual') && 'cancel',
      github && finished && 'rerun',
      github && (run.state === 'failure' || run.state === 'cancelled') && 'rerunFailed',
      !github && (run.state === 'failure' || run.state === 'cancelled') && 'retry',
    ),
    repoKey: repo.key,
    run,
    url: run.webUrl,
  };
}

function jobRow(parentId: string, repo: RepositoryState, job: Job, options: RowOptions): Row {
  const github = job.provider === 'github';
  const started = !['queued', 'waiting', 'skipped', 'manual'].includes(job.state);
  const finished = !isActive(job.state) && job.state !== 'manual';
  return {
    id: `${parentId}:job:${job.id}`,
    kind: 'job',
    label: job.name,
    description: jobDescription(job, options.now),
    tooltip: `**${job.name}**${job.stage ? ` (stage ${job.stage})` : ''}${job.webUrl ? `\n\n[Open in browser](${job.webUrl})` : ''}`,
    state: job.state,
    collapsible: job.downstream || job.steps.length ? (job.state === 'failure' ? 'expanded' : 'collapsed') : 'none',
    contextValue: context(
      'job',
      job.provider,
      job.webUrl && 'browser',
      !job.isBridge && started && 'viewLog',
      !github && !job.isBridge && isActive(job.state) && 'cancelJob',
      !github && !job.isBridge && finished && job.state !== 'skipped' && 'retryJob',
      !github && job.state === 'manual' && 'play',
    ),
    repoKey: repo.key,
    job,
    url: job.webUrl,
  };
}

function workflowRow(repo: RepositoryState, workflow: Workflow, options: RowOptions): Row {
  const latest = repo.workflowRuns.get(workflow.id)?.value?.[0];
  const dispatchable = options.dispatchable?.(repo.key, workflow.path);
  const health = workflowHealth(repo, workflow.id, options.healthWindow ?? DEFAULT_HEALTH_WINDOW, options.now);
  const summary = health && healthSummary(health);
  return {
    id: `workflow:${repo.key}:${workflow.id}`,
    kind: 'workflow',
    label: workflow.name,
    description: [
      workflow.path.replace(/^\.github\/workflows\//, ''),
      workflow.active ? undefined : 'disabled',
      summary,
    ]
      .filter(Boolean)
      .join(' · '),
    tooltip: [
      `**${escapeMarkdown(workflow.name)}**\n\n\`${workflow.path}\``,
      ...(health ? [healthTooltip(health, escapeMarkdown)] : []),
    ].join('\n\n'),
    ...(latest ? { state: latest.state } : { icon: 'symbol-event' }),
    collapsible: 'collapsed',
    contextValue: context('workflow', 'github', workflow.webUrl && 'browser', dispatchable !== false && 'runWorkflow'),
    repoKey: repo.key,
    workflow,
    url: workflow.webUrl,
  };
}

function errorRow(parentId: string, repo: RepositoryState, error: ApiError): Row {
  const signIn = error.kind === 'unauthorized' || (error.kind === 'not-found' && !repo.provider?.authenticated);
  return {
    id: `${parentId}:error`,
    kind: 'error',
    label: error.message,
    description: 'Retry',
    tooltip: error.message,
    icon: error.kind === 'rate-limited' ? 'watch' : 'warning',
    collapsible: 'none',
    contextValue: context('error', repo.placed.provider, 'retryRequest', signIn && 'signIn'),
    repoKey: repo.key,
    error,
  };
}

function messageRow(id: string, label: string, icon: string): Row {
  return { id, kind: 'message', label, icon, collapsible: 'none', contextValue: context('message') };
}

function loadingRow(parentId: string): Row {
  return messageRow(`${parentId}:loading`, 'Loading…', 'loading~spin');
}

/** The run the status bar shows: the newest run of the current branch of the given repository. */
export function statusRun(repo: RepositoryState | undefined): Run | undefined {
  return repo?.branchRuns.value?.[0];
}
