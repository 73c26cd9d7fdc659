/** Words and numbers the view shows: relative times, durations, run titles, tooltips. */
import { clockTime } from './http';
import type { Job, Run, RunState } from './model';

export function relativeTime(iso: string | undefined, now: number): string {
  if (!iso) return '';
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** How long a run or job took, or has been running. */
export function elapsed(item: { startedAt?: string; createdAt?: string; finishedAt?: string }, now: number): string {
  const start = Date.parse(item.startedAt ?? item.createdAt ?? '');
  if (!Number.isFinite(start)) return '';
  const end = item.finishedAt ? Date.parse(item.finishedAt) : now;
  return duration(end - start);
}

export const STATE_WORDS: Record<RunState, string> = {
  queued: 'queued',
  waiting: 'waiting',
  in_progress: 'in progress',
  success: 'succeeded',
  failure: 'failed',
  cancelled: 'cancelled',
  skipped: 'skipped',
  manual: 'manual',
  neutral: 'neutral',
};

/** `CI #412`, with the attempt when it is not the first. */
export function runTitle(run: Run): string {
  return `${run.name} #${run.number}${run.attempt > 1 ? ` (attempt ${run.attempt})` : ''}`;
}

export function runDescription(run: Run, now: number, withBranch = true): string {
  const parts = [
    withBranch ? run.branch : undefined,
    run.event,
    run.actor,
    relativeTime(run.createdAt, now),
    elapsed(run, now),
  ];
  return parts.filter(Boolean).join(' · ');
}

/** Markdown, with user-controlled text (commit messages, names) escaped. */
export function runTooltip(run: Run, now: number): string {
  const site = run.provider === 'github' ? 'GitHub' : 'GitLab';
  const lines = [
    `**${escapeMarkdown(runTitle(run))}** — ${STATE_WORDS[run.state]}`,
    '',
    ...(run.commitMessage ? [escapeMarkdown(firstLine(run.commitMessage)), ''] : []),
    [
      run.branch ? `Branch \`${run.branch.replace(/`/g, '')}\`` : undefined,
      `commit \`${run.sha.slice(0, 7)}\``,
      run.event ? `event ${escapeMarkdown(run.event)}` : undefined,
      run.actor ? `by ${escapeMarkdown(run.actor)}` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    '',
    [
      `Started ${relativeTime(run.startedAt ?? run.createdAt, now)}`,
      elapsed(run, now) ? `took ${elapsed(run, now)}` : undefined,
      run.provider === 'github' ? `attempt ${run.attempt}` : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
    '',
    `[Open on ${site}](${run.webUrl})`,
  ];
  return lines.join('\n');
}

export function jobDescription(job: Job, now: number): string {
  if (job.state === 'manual') return 'manual: press Play to start';
  return [STATE_WORDS[job.state], elapsed(job, now)].filter(Boolean).join(' · ');
}

export function rateLimitNote(until: number): string {
  return `rate limited until ${clockTime(until)}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
