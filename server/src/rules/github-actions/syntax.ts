import type { Rule } from '../../engine/types';
import { reportParseProblems } from '../shared/parse-problems';
import { githubParseErrors } from './parser/github-parser';
import { callKeysWithoutUses, causedByCallKeys } from './syntax/call-keys';
import { envNameProblems } from './syntax/env-names';
import { inputReferenceProblems } from './syntax/input-references';
import { localActionProblems } from './syntax/local-action-metadata';
import { needsReferenceProblems } from './syntax/needs-references';
import { objectInTextProblems } from './syntax/object-in-text';
import { functionLiteralProblems } from './syntax/function-literals';
import { positiveNumberProblems } from './syntax/positive-numbers';
import { usesFormatProblems } from './syntax/uses-format';
import { recursiveAliasProblems, unusedAnchorProblems } from './syntax/yaml-anchors';
import { emptyValueProblems } from './syntax/empty-values';
import { structureProblems } from './syntax/structure-checks';

const READER_GAVE_UP = /^Expected (mapping end|a scalar value, a sequence, or a mapping)$/;

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
    'actionlint:env-var',
    'actionlint:action',
  ],
  templates: 'skip',
  check(context) {
    reportParseProblems(context);
    const { file, host, report } = context;
    if (file.parseProblems.length > 0) return;
    const recursiveAliases = recursiveAliasProblems(file);
    for (const problem of recursiveAliases) report(problem);
    // Messages our own checks cover better are dropped in githubParseErrors (parser-gaps.json).
    const callKeys = callKeysWithoutUses(file);
    const parserErrors = githubParseErrors(file).filter(
      // GitHub's reader stops at a value that contains itself, with a message at no place: ours say where.
      (error) =>
        (recursiveAliases.length === 0 || !READER_GAVE_UP.test(error.message)) && !causedByCallKeys(error, callKeys),
    );
    for (const error of parserErrors) report({ range: error.range, message: error.message });
    // Where GitHub's parser already reports a value, our check of the same value would only repeat it.
    const reportedLines = new Set(parserErrors.map((error) => error.range.start.line));
    for (const problem of [
      ...callKeys.reports,
      ...structureProblems(file),
      ...inputReferenceProblems(file),
      ...localActionProblems(file, host),
      ...needsReferenceProblems(file),
      ...objectInTextProblems(file),
      ...envNameProblems(file),
      ...unusedAnchorProblems(file),
      ...functionLiteralProblems(file),
      ...usesFormatProblems(file),
    ])
      report(problem);
    for (const problem of [...emptyValueProblems(file), ...positiveNumberProblems(file)])
      if (!reportedLines.has(problem.range.start.line)) report(problem);
  },
};
