import type { Rule } from '../../engine/types';
import { reportParseProblems } from '../shared/parse-problems';

export const syntax: Rule<'gitlab-ci'> = {
  id: 'gitlab-ci/syntax',
  kind: 'gitlab-ci',
  defaultSeverity: 'error',
  docs: { summary: 'YAML that does not parse.' },
  aliases: [],
  check: reportParseProblems,
};
