/**
 * The data the Pipeline Health page draws for one repository: a section per workflow (GitHub) or per
 * ref (GitLab), each with its figures and a success-rate trend. Plain JSON: it is posted to the webview.
 */
import type { Run } from '../model';
import { GITLAB_PIPELINES, type RepositoryState } from '../repository-state';
import type { HealthFigures, RunPoint } from './figures';
import { figuresOf, healthByRef } from './from-state';

export interface TrendPoint {
  number: number;
  createdAt: string;
  /** Success rate of the runs up to this one, over the last `TREND_SPAN` decided runs. */
  rate: number;
}

export interface HealthSection {
  title: string;
  subtitle: string;
  figures: HealthFigures;
  trend: TrendPoint[];
}

export interface HealthPage {
  repository: string;
  window: number;
  sections: HealthSection[];
}

export const TREND_SPAN = 10;

/** A rolling success rate: each decided run's rate over it and the runs before it, up to `span` of them. */
export function successTrend(points: RunPoint[], span = TREND_SPAN): TrendPoint[] {
  const decided = points.filter((point) => point.state === 'success' || point.state === 'failure');
  return decided.map((point, index) => {
    const recent = decided.slice(Math.max(0, index - span + 1), index + 1);
    return {
      number: point.number,
      createdAt: point.createdAt,
      rate: recent.filter((each) => each.state === 'success').length / recent.length,
    };
  });
}

function section(title: string, subtitle: string, figures: HealthFigures): HealthSection {
  return { title, subtitle, figures, trend: successTrend(figures.points) };
}

export function healthPage(state: RepositoryState, window: number, now: number): HealthPage {
  const sections: HealthSection[] = [];
  if (state.placed.provider === 'github') {
    for (const workflow of state.workflows.value ?? []) {
      const runs = state.workflowRuns.get(workflow.id)?.value;
      if (runs) sections.push(section(workflow.name, workflow.path, figuresOf(state, runs, window, now)));
    }
  } else {
    const runs: Run[] = state.workflowRuns.get(GITLAB_PIPELINES)?.value ?? [];
    for (const { ref, figures } of healthByRef(state, runs, window, now))
      sections.push(section(ref, 'pipelines on this ref', figures));
  }
  return { repository: `${state.placed.host}/${state.placed.path}`, window, sections };
}
