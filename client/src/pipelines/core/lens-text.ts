/**
 * What the CodeLenses on CI files say: the last run of a workflow on its first line, the last state of
 * each GitLab job at its key. Built from the rows' data, never from a request of its own.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { elapsed, relativeTime } from './format';
import type { Job, Run, RunState } from './model';

const MARKS: Record<RunState, string> = {
  success: '✓ passed',
  failure: '✗ failed',
  in_progress: '● running',
  queued: '○ queued',
  waiting: '◷ waiting',
  cancelled: '⊘ cancelled',
  skipped: '↷ skipped',
  manual: '▶ manual',
  neutral: '– neutral',
};

/** `✓ passed 12 min ago · 3m 40s`; a running item says how long it has been running. */
export function stateLensText(
  item: Pick<Run, 'state' | 'createdAt' | 'startedAt' | 'finishedAt'>,
  now: number,
): string {
  const when = relativeTime(item.finishedAt ?? item.startedAt ?? item.createdAt, now);
  const took = item.state === 'manual' || item.state === 'queued' ? '' : elapsed(item, now);
  return [`${MARKS[item.state]}${when ? ` ${when}` : ''}`, took].filter(Boolean).join(' · ');
}

export function runLensText(run: Run | undefined, now: number): string {
  return run ? stateLensText(run, now) : 'No runs yet';
}

export function jobLensText(job: Job | undefined, run: Run | undefined, now: number): string {
  if (!run) return 'No pipeline on this branch yet';
  if (!job) return `Not in pipeline #${run.number}`;
  const text = stateLensText({ ...job, createdAt: job.startedAt ?? run.createdAt }, now);
  return `${text} · pipeline #${run.number}`;
}

/** The newest run of a workflow file among the lists the view holds. */
export function latestRunOf(workflowPath: string, lists: (Run[] | undefined)[]): Run | undefined {
  let newest: Run | undefined;
  for (const runs of lists)
    for (const run of runs ?? [])
      if (run.workflowPath === workflowPath && (!newest || Date.parse(run.createdAt) > Date.parse(newest.createdAt)))
        newest = run;
  return newest;
}

/** Top-level keys of `.gitlab-ci.yml` that are not jobs (GitLab's global keywords). */
const GLOBAL_KEYWORDS: ReadonlySet<string> = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'spec',
]);

/** The jobs of a `.gitlab-ci.yml`: top-level mappings that are neither keywords nor hidden (`.template`). */
export function gitlabJobKeys(text: string): { name: string; line: number }[] {
  const document = parseDocument(text, { uniqueKeys: false });
  if (!isMap(document.contents)) return [];
  const starts = lineStarts(text);
  const jobs: { name: string; line: number }[] = [];
  for (const pair of document.contents.items) {
    if (!isScalar(pair.key) || !isMap(pair.value)) continue;
    const name = String(pair.key.value);
    if (GLOBAL_KEYWORDS.has(name) || name.startsWith('.')) continue;
    const offset = pair.key.range?.[0] ?? 0;
    jobs.push({ name, line: lineOf(starts, offset) });
  }
  return jobs;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) if (text[index] === '\n') starts.push(index + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return line;
}
