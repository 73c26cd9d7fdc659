import type { Rule } from '../../engine/types';
import { reportParseProblems } from '../shared/parse-problems';

export const syntax: Rule<'compose'> = {
  id: 'compose/syntax',
  kind: 'compose',
  defaultSeverity: 'error',
  docs: { summary: 'YAML that does not parse.' },
  aliases: [],
  check: reportParseProblems,
};
