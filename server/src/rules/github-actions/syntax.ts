import type { Rule } from '../../engine/types';
import { reportParseProblems } from '../shared/parse-problems';

export const syntax: Rule<'github-actions'> = {
  id: 'github-actions/syntax',
  kind: 'github-actions',
  defaultSeverity: 'error',
  docs: { summary: 'Workflows and action metadata GitHub cannot load.' },
  aliases: ['actionlint:syntax-check'],
  check: reportParseProblems,
};
