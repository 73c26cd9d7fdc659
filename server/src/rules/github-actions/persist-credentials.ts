import type { Rule } from '../../engine/types';
import { mapGet, scalarString } from '../../engine/yaml/nav';
import { inputsUnknown, jobSteps, jobsOf, stepInput, usesOf } from './model/workflow-model';
import { carrierAfter } from './persist-credentials/carriers';

export const persistCredentials: Rule<'github-actions'> = {
  id: 'github-actions/persist-credentials',
  kind: 'github-actions',
  defaultSeverity: 'info',
  docs: {
    summary:
      'actions/checkout should set persist-credentials: false when a later step can carry .git out of the runner (an artifact of the workspace, an image built from it and pushed), so the token in .git/config cannot leak.',
  },
  aliases: ['zizmor:artipacked'],
  check({ file, host, report }) {
    for (const { job } of jobsOf(file)) {
      const steps = jobSteps(job);
      steps.forEach((step, index) => {
        const uses = usesOf(file, step);
        if (uses?.kind !== 'repository' || uses.name !== 'actions/checkout' || inputsUnknown(step)) return;
        if (stepInput(step, 'persist-credentials') === 'false') return;
        const carrier = carrierAfter(file, host, steps, index, stepInput(step, 'path') ?? '');
        if (!carrier) return;
        const line = carrier.step.range ? file.lines.positionAt(carrier.step.range[0]).line + 1 : undefined;
        const name = scalarString(mapGet(carrier.step, 'name'));
        report({
          range: uses.valueRange,
          message: `actions/checkout leaves the job's token in .git/config, and a later step${name ? ` '${name}'` : ''}${line ? ` (line ${line})` : ''} ${carrier.how}, so .git/config can leave the runner with it. Set persist-credentials: false (and pass a token explicitly to any step that pushes with git).`,
        });
      });
    }
  },
};
