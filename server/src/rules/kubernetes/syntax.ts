import type { Rule } from '../../engine/types';
import { reportParseProblems } from '../shared/parse-problems';

export const syntax: Rule<'kubernetes'> = {
  id: 'kubernetes/syntax',
  kind: 'kubernetes',
  defaultSeverity: 'error',
  docs: { summary: 'YAML that does not parse: kubectl would reject the whole file.' },
  aliases: [],
  templates: 'skip',
  partials: 'check',
  check: reportParseProblems,
};
