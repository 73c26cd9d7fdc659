import { isScalar, type Node } from 'yaml';
import type { GitHubActionsFile, Rule } from '../../engine/types';
import { getIn, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import { isConstantExpression } from './if-condition/constant';
import { findExpressions } from './model/expressions';
import { jobsOf } from './model/workflow-model';
import { stepsOf } from './model/workflow-steps';

export const ifCondition: Rule<'github-actions'> = {
  id: 'github-actions/if-condition',
  kind: 'github-actions',
  defaultSeverity: 'error',
  docs: {
    summary:
      '`if:` conditions that are always true because of text around `${{ }}`, or that are constant (`if: false`) and so only hide or keep a job or step.',
  },
  aliases: ['actionlint:if-cond'],
  check({ file, report }) {
    for (const node of conditionNodes(file)) {
      const condition = scalarString(node);
      const range = nodeRange(file.lines, node);
      if (condition === undefined || !range) continue;
      const expressions = findExpressions(condition);
      if (expressions.length > 0 && !(expressions.length === 1 && expressions[0].text === condition)) {
        // GitHub evaluates a condition with text outside `${{ }}` as a string: non-empty, so true.
        report({
          range,
          message: `This condition is always true: with text around \${{ }} (${JSON.stringify(condition)}) GitHub reads it as a non-empty string. Write the whole condition inside one \${{ }}, or without \${{ }} at all.`,
        });
        continue;
      }
      const inner = expressions.length === 1 ? condition.slice(3, -2) : condition;
      if (isConstantExpression(inner))
        report({
          range,
          severity: 'warning',
          message: `The condition '${inner.trim()}' is constant, so it does not decide anything: remove the if: (or the job or step it always skips).`,
        });
    }
  },
};

function conditionNodes(file: GitHubActionsFile): Node[] {
  const nodes: unknown[] = stepsOf(file).map(({ step }) => mapGet(step, 'if'));
  for (const { job } of jobsOf(file)) nodes.push(mapGet(job, 'if'), getIn(job, ['snapshot', 'if']));
  return nodes.filter((node): node is Node => isScalar(node));
}
