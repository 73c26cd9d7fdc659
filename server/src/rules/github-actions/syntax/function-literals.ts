/**
 * Calls whose literal arguments already show they fail or misbehave: `format()` with a placeholder
 * that has no argument (an error when the expression runs) or an argument no placeholder uses, and
 * `fromJSON()` of a string literal that is not JSON. GitHub's parser checks only the expression
 * syntax. Reported by `github-actions/syntax`.
 */
import { isScalar, visit } from 'yaml';
import type { GitHubActionsFile, Report } from '../../../engine/types';
import { nodeRange } from '../../../engine/yaml/nav';
import { scalarValueStart } from '../../shared/yaml-scalar';
import { findExpressions } from '../model/expressions';
import { callArguments, stringLiteral } from './call-arguments';

export function functionLiteralProblems(file: GitHubActionsFile): Report[] {
  const document = file.documents[0];
  if (!document) return [];
  // Most files call neither function: skip both walks of the document then (issue 16). Only a `\` escape
  // in a double-quoted scalar could spell a call in a value that the text does not show.
  if (!CALLED.test(file.text) && !file.text.includes('\\')) return [];
  const reports: Report[] = [];
  visit(document, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range || !CALLED.test(node.value)) return;
      // Read the value (escapes resolved); point into the source only where it is written verbatim.
      const verbatim = scalarValueStart(node, file.lines);
      for (const expression of findExpressions(node.value)) {
        for (const problem of expressionProblems(expression.text)) {
          const range =
            verbatim === undefined
              ? nodeRange(file.lines, node)
              : file.lines.range(verbatim + expression.start, verbatim + expression.end);
          if (range) reports.push({ range, ...problem });
        }
      }
    },
  });
  // `if:` conditions are expressions without `${{ }}` too.
  visit(document, {
    Pair(_key, pair) {
      if (!isScalar(pair.key) || pair.key.value !== 'if' || !isScalar(pair.value) || !pair.value.range) return;
      const condition = pair.value;
      if (typeof condition.value !== 'string' || condition.value.includes('${{') || !condition.range) return;
      const [start, end] = condition.range;
      for (const problem of expressionProblems(condition.value))
        reports.push({ range: file.lines.range(start, end), ...problem });
    },
  });
  return reports;
}

/** What expressionProblems looks at; a value without it has no problem to report. */
const CALLED = /\b(format|fromjson)\s*\(/i;

function expressionProblems(expression: string): Array<Pick<Report, 'message' | 'severity'>> {
  const problems: Array<Pick<Report, 'message' | 'severity'>> = [];
  for (const match of expression.matchAll(/\b(format|fromjson)\s*\(/gi)) {
    const args = callArguments(expression, match.index + match[0].length);
    const first = args && args.length > 0 ? stringLiteral(args[0]) : undefined;
    if (!args || first === undefined) continue;
    if (match[1].toLowerCase() === 'fromjson') {
      try {
        JSON.parse(first);
      } catch (error) {
        problems.push({
          message: `fromJSON() is given a string that is not JSON (${(error as Error).message}), so the expression fails.`,
        });
      }
      continue;
    }
    const placeholders = formatPlaceholders(first);
    if (placeholders === undefined) continue;
    const given = args.length - 1;
    const missing = [...placeholders].filter((index) => index >= given);
    if (missing.length > 0)
      problems.push({
        message: `format('${first}') uses {${missing[0]}} but only ${given} argument${given === 1 ? ' is' : 's are'} given: the expression fails.`,
      });
    for (let index = 0; index < given; index++)
      if (!placeholders.has(index))
        problems.push({
          severity: 'warning',
          message: `format('${first}') has no {${index}}, so its argument ${index + 1} is never used.`,
        });
  }
  return problems;
}

/** The `{N}` indexes in a format string (`{{` and `}}` are literal braces), or undefined when malformed. */
function formatPlaceholders(format: string): Set<number> | undefined {
  const indexes = new Set<number>();
  const unescaped = format.replace(/\{\{|\}\}/g, '');
  for (const match of unescaped.matchAll(/\{(\d+)\}/g)) indexes.add(Number(match[1]));
  return /\{(?!\d+\})/.test(unescaped) ? undefined : indexes;
}
