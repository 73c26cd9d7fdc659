import type { Rule } from '../../engine/types';
import data from './data/outdated-actions.json';
import { usesSites } from './model/uses-sites';

interface MajorProblem {
  runtime?: string;
  service?: string;
  serviceBefore?: { version: string; service: string };
  why?: string;
}
interface OutdatedAction {
  current: string;
  majors: Record<string, MajorProblem | undefined>;
}

const actions: Record<string, OutdatedAction | undefined> = data.actions;
const runtimes: Record<string, string | undefined> = data.runtimes;
const services: Record<string, string | undefined> = data.services;

export const outdatedAction: Rule<'github-actions'> = {
  id: 'github-actions/outdated-action',
  kind: 'github-actions',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Old majors of popular actions stop working when GitHub retires their runtime or service; use the current major.',
  },
  aliases: ['actionlint:action'],
  check({ file, report }) {
    for (const { uses } of usesSites(file)) {
      const known =
        uses.kind === 'repository'
          ? (actions[uses.written.slice(0, uses.written.lastIndexOf('@')).toLowerCase()] ?? actions[uses.name])
          : undefined;
      const version = /^v(\d+)(?:\.(\d+)(?:\.(\d+))?)?$/.exec(uses.ref);
      if (!known || !version || !uses.refRange) continue;
      const reasons = reasonsFor(known.majors[`v${version[1]}`], version);
      if (reasons.length === 0) continue;
      report({
        range: uses.refRange,
        message: `${uses.name}@${uses.ref} is outdated: ${reasons.join('; ')}. Use ${uses.name}@${known.current} or later.`,
        data: { current: known.current },
      });
    }
  },
};

/** What is wrong with this release: a retired service first (the step fails), then its runtime. */
function reasonsFor(problem: MajorProblem | undefined, version: RegExpExecArray): string[] {
  if (!problem) return [];
  const reasons: string[] = [];
  if (problem.service) reasons.push(services[problem.service] ?? problem.service);
  // A floating `v3` gets the newest v3 release; only a pinned `v3.3.1` can be older than the fix.
  if (problem.serviceBefore && version[2] !== undefined) {
    const pinned = [Number(version[2]), Number(version[3] ?? 0)];
    const [minor, patch] = problem.serviceBefore.version.split('.').slice(1).map(Number);
    if (pinned[0] < minor || (pinned[0] === minor && pinned[1] < patch))
      reasons.push(services[problem.serviceBefore.service] ?? problem.serviceBefore.service);
  }
  if (problem.why) reasons.push(problem.why);
  if (problem.runtime) reasons.push(runtimes[problem.runtime] ?? problem.runtime);
  return reasons;
}
