import type { Rule } from '../../engine/types';
import { reportParseProblems } from '../shared/parse-problems';
import { githubParseErrors } from './parser/github-parser';
import { structureProblems } from './syntax/structure-checks';

export const syntax: Rule<'github-actions'> = {
  id: 'github-actions/syntax',
  kind: 'github-actions',
  defaultSeverity: 'error',
  docs: {
    summary:
      'Workflows and action metadata GitHub cannot load, or that reference steps, matrix keys or jobs that do not exist.',
  },
  aliases: [
    'actionlint:syntax-check',
    'actionlint:expression',
    'actionlint:job-needs',
    'actionlint:matrix',
    'actionlint:events',
    'actionlint:id',
    'actionlint:permissions',
  ],
  templates: 'skip',
  check(context) {
    reportParseProblems(context);
    const { file, report } = context;
    if (file.parseProblems.length > 0) return;
    // Messages our own checks cover better are dropped in githubParseErrors (parser-gaps.json).
    for (const error of githubParseErrors(file)) report({ range: error.range, message: error.message });
    for (const problem of structureProblems(file)) report(problem);
  },
};
