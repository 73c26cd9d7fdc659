import type { Node } from 'yaml';
import type { GitHubActionsFile, Report, Rule } from '../../engine/types';
import { getIn, mapGet, scalarString } from '../../engine/yaml/nav';
import untrusted from './data/untrusted-contexts.json';
import { contextMatcher, contextPaths, findExpressions } from './model/expressions';
import { stepsOf } from './model/workflow-steps';

const isUntrusted = contextMatcher(untrusted.contexts);

export const scriptInjection: Rule<'github-actions'> = {
  id: 'github-actions/script-injection',
  kind: 'github-actions',
  defaultSeverity: 'error',
  docs: {
    summary:
      "Untrusted input (issue or PR titles, branch names, commit messages) expanded inside a script can run an attacker's commands.",
  },
  aliases: ['actionlint:expression', 'zizmor:template-injection', 'scorecard:Dangerous-Workflow'],
  check({ file, report }) {
    for (const { step } of stepsOf(file)) {
      checkScript(file, mapGet(step, 'run'), 'run script', report);
      const uses = scalarString(mapGet(step, 'uses')) ?? '';
      if (/^actions\/github-script@/i.test(uses))
        checkScript(file, getIn(step, ['with', 'script']), 'github-script script', report);
    }
  },
};

function checkScript(
  file: GitHubActionsFile,
  node: Node | null | undefined,
  where: string,
  report: (r: Report) => void,
) {
  if (!node?.range) return;
  // Search the raw source rather than the parsed value: offsets then map straight to the editor.
  const [start, end] = node.range;
  const source = file.text.slice(start, end);
  for (const expression of findExpressions(source)) {
    for (const context of contextPaths(expression.text)) {
      if (!isUntrusted(context.path)) continue;
      const from = start + expression.start + context.start;
      const envName = environmentName(context.path);
      report({
        range: file.lines.range(from, from + (context.end - context.start)),
        message:
          `${context.path} is controlled by whoever opens the issue, PR or commit, and is expanded into the ${where} before it runs: ` +
          `it can inject commands. Pass it through env (${envName}: \${{ ${context.path} }}) and use "$${envName}" instead.`,
        data: { context: context.path, expression: expression.text, envName },
      });
    }
  }
}

/** `github.event.pull_request.title` becomes `PULL_REQUEST_TITLE`: readable and stable for the quick fix. */
function environmentName(path: string): string {
  const segments = path.split('.').filter((s) => s !== '*' && s !== 'github' && s !== 'event');
  return segments
    .slice(-2)
    .join('_')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .toUpperCase();
}
