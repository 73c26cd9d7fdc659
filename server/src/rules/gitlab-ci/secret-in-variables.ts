import { isMap, isScalar } from 'yaml';
import type { Report, Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { isLiteralSecretValue, looksLikeSecretName, urlCredentials } from '../shared/secret-names';
import { scalarSliceRange } from '../shared/yaml-scalar';
import { pipelineOf, type Pipeline } from './model/pipeline';
import type { Located } from './model/yaml-resolve';

export const secretInVariables: Rule<'gitlab-ci'> = {
  id: 'gitlab-ci/secret-in-variables',
  kind: 'gitlab-ci',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Secrets written into variables: are visible to everyone who can read the repository: use masked CI/CD variables.',
  },
  aliases: [],
  check(context) {
    const pipeline = pipelineOf(context);
    const { resolver, self } = pipeline;
    for (const top of resolver.entries(self.root ? { node: self.root, source: self } : undefined)) {
      const value = resolver.deref(top.pair.value, top.source);
      if (top.key === 'variables') checkVariables(pipeline, value, 'the pipeline', context.report);
      else if (value && isMap(value.node) && top.key !== 'default')
        checkVariables(pipeline, resolver.get(value, 'variables'), `job '${top.key}'`, context.report);
    }
  },
};

function checkVariables(
  pipeline: Pipeline,
  variables: Located | undefined,
  owner: string,
  report: (report: Report) => void,
): void {
  const { resolver, self } = pipeline;
  for (const entry of resolver.entries(variables)) {
    const declared = resolver.deref(entry.pair.value, entry.source);
    // `NAME: {value: …, description: …}` is the long form of the same thing.
    const value = declared && isMap(declared.node) ? resolver.get(declared, 'value') : declared;
    if (!value || value.source !== self || !isScalar(value.node) || typeof value.node.value !== 'string') continue;
    const literal = value.node.value;
    const credentials = urlCredentials(literal);
    if (credentials) {
      const range =
        scalarSliceRange(value.node, self.file.lines, credentials.start, credentials.end) ??
        nodeRange(self.file.lines, value.node);
      if (range)
        report({
          range,
          message: `The URL in ${entry.key} of ${owner} contains a password: move it to a masked CI/CD variable and reference that.`,
        });
    } else if (looksLikeSecretName(entry.key) && isLiteralSecretValue(literal)) {
      const range = nodeRange(self.file.lines, value.node);
      if (range) {
        report({
          range,
          message: `${entry.key} of ${owner} is written into the pipeline file: define it as a masked (and protected) CI/CD variable in the project settings instead.`,
        });
      }
    }
  }
}
