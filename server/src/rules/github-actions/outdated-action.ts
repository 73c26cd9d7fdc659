import type { Rule } from '../../engine/types';
import data from './data/outdated-actions.json';
import { usesSites } from './model/uses-sites';
import { refMajor } from './model/workflow-model';

const actions: Record<string, { current: string; why: string } | undefined> = data.actions;

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
      const major = refMajor(uses.ref);
      if (!known || major === undefined || !uses.refRange) continue;
      if (major >= Number(known.current.slice(1))) continue;
      report({
        range: uses.refRange,
        message: `${uses.name}@${uses.ref} is outdated: ${known.why} Use ${uses.name}@${known.current} or later.`,
        data: { current: known.current },
      });
    }
  },
};
