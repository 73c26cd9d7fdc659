import type { Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { effectiveValue, jobValue, jobsHere } from './model/job-config';
import { pipelineOf } from './model/pipeline';

export const jobTimeout: Rule<'gitlab-ci'> = {
  id: 'gitlab-ci/job-timeout',
  kind: 'gitlab-ci',
  defaultSeverity: 'info',
  docs: {
    summary:
      'Jobs should set a timeout: that fits them, so a hung job fails fast instead of holding a runner for the project-wide limit.',
  },
  aliases: [],
  // Templates, defaults and stages may come from locally included files.
  scope: 'workspace',
  check(context) {
    const pipeline = pipelineOf(context);
    for (const { name, definition } of jobsHere(pipeline)) {
      // Trigger jobs only start a downstream pipeline; GitLab does not accept timeout: on them.
      if (jobValue(pipeline, name, 'trigger') || effectiveValue(pipeline, name, 'timeout')) continue;
      const range = nodeRange(pipeline.self.file.lines, definition.pair.key);
      if (!range) continue;
      context.report({
        range,
        message: `Job '${name}' has no timeout:, so a hung run holds its runner until the project limit (1 hour by default). Set one that fits the job.`,
        data: { job: name },
      });
    }
  },
};
