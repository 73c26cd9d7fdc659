import type { Rule } from '../../engine/types';
import { reportParseProblems } from '../shared/parse-problems';
import { pipelineOf } from './model/pipeline';
import { checkReferences } from './syntax/references';
import { checkStructure } from './syntax/structure';

export const syntax: Rule<'gitlab-ci'> = {
  id: 'gitlab-ci/syntax',
  kind: 'gitlab-ci',
  defaultSeverity: 'error',
  docs: {
    summary:
      'GitLab CI configuration that GitLab rejects: YAML errors, unknown keywords, wrong types and names that do not exist.',
  },
  aliases: [],
  templates: 'skip',
  scope: 'workspace',
  check(context) {
    reportParseProblems(context);
    // A file that does not parse has no reliable structure to judge beyond the parser's own errors.
    if (context.file.parseProblems.length > 0) return;
    const pipeline = pipelineOf(context);
    checkStructure(pipeline, context.report);
    checkReferences(pipeline, context.report);
  },
};
