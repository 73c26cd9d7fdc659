import type { Rule } from '../../engine/types';
import { runScript } from './model/run-script';
import { jobSteps, jobsOf, stepInput, usesOf } from './model/workflow-model';

/** Steps that carry the workspace (and its `.git/config` with the token) out of the runner. */
const SHIPS_WORKSPACE = /^actions\/upload-(artifact|pages-artifact)$/;
const DOCKER_PUSH = /\bdocker\s+(push|buildx\s+build\b[^\n]*--push)\b/;

export const persistCredentials: Rule<'github-actions'> = {
  id: 'github-actions/persist-credentials',
  kind: 'github-actions',
  defaultSeverity: 'info',
  docs: {
    summary:
      'actions/checkout should set persist-credentials: false in workflows that upload artifacts or push images, so the token in .git/config cannot leak.',
  },
  aliases: ['zizmor:artipacked'],
  check({ file, report }) {
    const jobs = jobsOf(file);
    const shipsWorkspace = jobs.some(({ job }) =>
      jobSteps(job).some((step) => {
        const uses = usesOf(file, step);
        return (
          (uses?.kind === 'repository' && SHIPS_WORKSPACE.test(uses.name.split('@')[0])) ||
          DOCKER_PUSH.test(runScript(file, step)?.value ?? '')
        );
      }),
    );
    if (!shipsWorkspace) return;
    for (const { job } of jobs) {
      for (const step of jobSteps(job)) {
        const uses = usesOf(file, step);
        if (uses?.kind !== 'repository' || uses.name !== 'actions/checkout') continue;
        if (stepInput(step, 'persist-credentials') === 'false') continue;
        report({
          range: uses.valueRange,
          message:
            'actions/checkout leaves the token in .git/config, and this workflow uploads artifacts or pushes images that can carry it. Set persist-credentials: false (and pass a token explicitly to the steps that push with git).',
        });
      }
    }
  },
};
