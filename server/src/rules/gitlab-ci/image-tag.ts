import { isMap } from 'yaml';
import type { Report, Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { floatingImage } from '../shared/image-tag-check';
import { pipelineOf, type Pipeline } from './model/pipeline';
import type { Located } from './model/yaml-resolve';

export const imageTag: Rule<'gitlab-ci'> = {
  id: 'gitlab-ci/image-tag',
  kind: 'gitlab-ci',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'Job images and services need a version tag other than latest, so pipelines run the same tools every time.',
  },
  aliases: [],
  check(context) {
    const pipeline = pipelineOf(context);
    const { resolver, self } = pipeline;
    for (const entry of resolver.entries(self.root ? { node: self.root, source: self } : undefined)) {
      const value = resolver.deref(entry.pair.value, entry.source);
      if (entry.key === 'image' || entry.key === 'services') {
        checkImages(pipeline, entry.key, value, 'the pipeline', context.report);
      } else if (value && isMap(value.node)) {
        const owner = entry.key === 'default' ? 'default:' : `job '${entry.key}'`;
        checkImages(pipeline, 'image', resolver.get(value, 'image'), owner, context.report);
        checkImages(pipeline, 'services', resolver.get(value, 'services'), owner, context.report);
      }
    }
  },
};

function checkImages(
  pipeline: Pipeline,
  key: 'image' | 'services',
  value: Located | undefined,
  owner: string,
  report: (report: Report) => void,
): void {
  const images = key === 'image' ? [value] : pipeline.resolver.items(value);
  for (const image of images) {
    const reference = image && isMap(image.node) ? pipeline.resolver.get(image, 'name') : image;
    if (!reference || reference.source !== pipeline.self) continue;
    const lines = pipeline.self.file.lines;
    const floating = floatingImage(reference.node, lines);
    const range = nodeRange(lines, reference.node);
    if (!floating || !range) continue;
    const what = key === 'image' ? 'Image' : 'Service image';
    report({
      range,
      message: `${what} ${String((reference.node as { value: unknown }).value)} of ${owner} ${floating.description}: pin a version tag.`,
      data: { problem: floating.problem, tagRange: floating.tagRange },
    });
  }
}
