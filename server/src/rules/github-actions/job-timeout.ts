import type { Rule } from '../../engine/types';
import { keyRange } from '../../engine/yaml/nav';
import { hasKey, jobsOf } from './model/workflow-model';

export const jobTimeout: Rule<'github-actions'> = {
  id: 'github-actions/job-timeout',
  kind: 'github-actions',
  defaultSeverity: 'warning',
  docs: { summary: 'Jobs should set timeout-minutes: without it a stuck job holds a runner for 6 hours.' },
  aliases: [],
  check({ file, report }) {
    for (const { id, pair, job } of jobsOf(file)) {
      // Reusable-workflow calls cannot set a timeout; the called workflow's jobs do.
      if (!job || hasKey(job, 'uses') || hasKey(job, 'timeout-minutes')) continue;
      const range = keyRange(file.lines, pair);
      if (range)
        report({
          range,
          message: `Job '${id}' has no timeout-minutes, so a hung step runs for GitHub's 6-hour limit. Set a timeout a little above its usual duration.`,
          data: { jobId: id },
        });
    }
  },
};
