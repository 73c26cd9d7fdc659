import type { Rule } from '../../engine/types';
import { getIn } from '../../engine/yaml/nav';
import { contextPaths, findExpressions } from './model/expressions';
import { runScript } from './model/run-script';
import { jobSteps, jobsOf, triggersOf } from './model/workflow-model';

const PRIVILEGED = ['pull_request_target', 'workflow_run'];
/** Contexts naming the contributor's code: checking them out runs it with the base repository's token. */
const HEAD_CONTEXTS = new Set([
  'github.event.pull_request.head.sha',
  'github.event.pull_request.head.ref',
  'github.event.pull_request.merge_commit_sha',
  'github.head_ref',
  'github.event.workflow_run.head_sha',
  'github.event.workflow_run.head_branch',
  'github.event.workflow_run.head_commit.id',
]);
const CHECKOUT_IN_SHELL = /\b(gh\s+pr\s+checkout|git\s+fetch\s+\S+\s+(refs\/)?pull\/)/;

export const dangerousTrigger: Rule<'github-actions'> = {
  id: 'github-actions/dangerous-trigger',
  kind: 'github-actions',
  defaultSeverity: 'error',
  docs: {
    summary:
      "pull_request_target and workflow_run workflows must not check out and run the pull request's code: it runs with write access and secrets.",
  },
  aliases: ['zizmor:dangerous-triggers', 'scorecard:Dangerous-Workflow'],
  check({ file, report }) {
    const triggers = triggersOf(file);
    const trigger = PRIVILEGED.find((name) => triggers.has(name));
    if (!trigger) return;
    for (const { job } of jobsOf(file)) {
      for (const step of jobSteps(job)) {
        const ref = getIn(step, ['with', 'ref']);
        if (ref?.range && /^actions\/checkout@/i.test(String(getIn(step, ['uses']) ?? ''))) {
          const source = file.text.slice(ref.range[0], ref.range[1]);
          for (const expression of findExpressions(source)) {
            for (const context of contextPaths(expression.text)) {
              if (!HEAD_CONTEXTS.has(context.path)) continue;
              const from = ref.range[0] + expression.start + context.start;
              report({
                range: file.lines.range(from, from + context.end - context.start),
                message: `This ${trigger} workflow checks out ${context.path}, the contributor's code, with a token that can write to the repository and with its secrets. Any build or script step then runs their code. Use pull_request, or keep the untrusted checkout in a job with no secrets and read-only permissions.`,
              });
            }
          }
        }
        const script = runScript(file, step);
        const shell = script && CHECKOUT_IN_SHELL.exec(script.source);
        if (script && shell) {
          const from = script.start + shell.index;
          report({
            range: file.lines.range(from, from + shell[0].length),
            message: `This ${trigger} workflow fetches the pull request's code in a privileged context, where running it exposes the token and secrets.`,
          });
        }
      }
    }
  },
};
