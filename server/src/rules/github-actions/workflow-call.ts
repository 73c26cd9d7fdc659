import type { Rule } from '../../engine/types';
import { calledWorkflowOf } from './model/called-workflows';
import { usesSites } from './model/uses-sites';
import { inputProblems, secretProblems } from './workflow-call/arguments';
import { callFormatProblem } from './workflow-call/call-format';

export const workflowCall: Rule<'github-actions'> = {
  id: 'github-actions/workflow-call',
  kind: 'github-actions',
  defaultSeverity: 'error',
  docs: {
    summary:
      "A job's uses: must name a reusable workflow GitHub can find (./path.yml here, owner/repo/path.yml@ref elsewhere), and a local one's declared inputs and secrets must match what the call passes.",
  },
  aliases: ['actionlint:workflow-call'],
  check({ file, host, report }) {
    for (const { uses, owner: job, isJob } of usesSites(file)) {
      const { written, valueRange: usesRange } = uses;
      // GitHub takes no expression in a job's uses:; the parser already says so.
      if (!isJob || written.includes('${{')) continue;
      const problem = callFormatProblem(written);
      if (problem) {
        report({ range: usesRange, message: `'${written}': ${problem}` });
        continue;
      }
      const called = calledWorkflowOf(file, written, host);
      if (called?.status === 'missing') {
        report({
          range: usesRange,
          message: `'${written}': no such file in this repository, so the run fails when it starts. Reusable workflows live in .github/workflows/.`,
        });
      } else if (called?.status === 'not-reusable') {
        report({
          range: usesRange,
          message: `'${written}' has no workflow_call trigger under on:, so it cannot be called: add on: workflow_call to it.`,
        });
      } else if (called) {
        const call = { file, job, written, usesRange };
        for (const found of [...inputProblems(call, called.inputs), ...secretProblems(call, called.secrets)])
          report(found);
      }
    }
  },
};
