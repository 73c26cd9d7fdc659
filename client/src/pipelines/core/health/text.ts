/** The words the tree shows for health figures: a compact description and a Markdown tooltip. */
import { duration } from '../format';
import type { HealthFigures } from './figures';

export function percent(ratio: number | undefined): string {
  return ratio === undefined ? '–' : `${Math.round(ratio * 100)}%`;
}

/** `92% · 4m 10s` (success rate · median duration), or undefined before any run completed. */
export function healthSummary(figures: HealthFigures): string | undefined {
  if (figures.successRate === undefined) return undefined;
  return [percent(figures.successRate), figures.medianMs !== undefined ? duration(figures.medianMs) : undefined]
    .filter(Boolean)
    .join(' · ');
}

export function perWeek(figures: HealthFigures): string {
  if (figures.deploysPerWeek === undefined) return 'no deploy runs';
  const value = figures.deploysPerWeek;
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} a week`;
}

export function recoveryText(figures: HealthFigures): string {
  if (figures.meanTimeToRecoveryMs !== undefined)
    return `${duration(figures.meanTimeToRecoveryMs)} (${figures.recoveries} recover${figures.recoveries === 1 ? 'y' : 'ies'})`;
  return figures.failingNow ? 'not recovered yet' : 'no failures';
}

/** Markdown; job names are escaped by the caller's escape function (the tree's tooltip rules). */
export function healthTooltip(figures: HealthFigures, escape: (text: string) => string): string {
  if (!figures.completed) return 'Health: no completed runs yet';
  const lines = [
    `**Health** over the last ${figures.completed} completed run${figures.completed === 1 ? '' : 's'}` +
      (figures.excludedActive ? ` (${figures.excludedActive} still running, left out)` : ''),
    '',
    `- Success rate: ${percent(figures.successRate)} (${figures.successes} passed, ${figures.failures} failed)`,
    `- Duration: median ${duration(figures.medianMs ?? NaN) || '–'}, p90 ${duration(figures.p90Ms ?? NaN) || '–'}`,
    `- Deployment frequency: ${perWeek(figures)}`,
    `- Change failure rate: ${figures.deployRuns ? percent(figures.changeFailureRate) : 'no deploy runs'}`,
    `- Time to recovery${figures.defaultBranch ? ` on \`${figures.defaultBranch.replace(/`/g, '')}\`` : ''}: ${recoveryText(figures)}`,
  ];
  if (figures.slowestJobs.length)
    lines.push(
      `- Slowest jobs: ${figures.slowestJobs
        .slice(0, 3)
        .map((job) => `${escape(job.name)} ${duration(job.medianMs)}`)
        .join(', ')}`,
    );
  if (figures.flakyJobs.length)
    lines.push(`- Flaky jobs: ${figures.flakyJobs.map((job) => escape(job.name)).join(', ')}`);
  return lines.join('\n');
}
