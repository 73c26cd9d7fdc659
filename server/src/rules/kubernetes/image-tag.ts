import type { Node } from 'yaml';
import type { KubernetesFile, Range, Rule } from '../../engine/types';
import { containersOf } from './model/pod-spec';
import { mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import { mutableTagProblem, parseImageReference, type ImageReference } from '../shared/image-reference';
import { scalarSliceRange } from '../shared/yaml-scalar';

export const imageTag: Rule<'kubernetes', { requireDigest: boolean }> = {
  id: 'kubernetes/image-tag',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: 'Container images need a version tag other than latest, so every node runs the same image.' },
  aliases: ['kube-linter:latest-tag', 'polaris:tagNotSpecified', 'kube-score:container-image-tag'],
  defaultOptions: { requireDigest: false },
  check({ file, options, report }) {
    for (const object of file.objects) {
      for (const { container } of containersOf(object)) {
        const imageNode = mapGet(container, 'image');
        const image = scalarString(imageNode);
        const range = nodeRange(file.lines, imageNode);
        if (!image || !range) continue;
        const reference = parseImageReference(image);
        const problem = mutableTagProblem(reference);
        const name = scalarString(mapGet(container, 'name')) ?? 'container';
        if (problem) {
          const what = problem === 'latest' ? "uses the mutable tag 'latest'" : "has no tag, so it means 'latest'";
          report({
            range: (problem === 'latest' && tagRange(file, imageNode, reference)) || range,
            message:
              `Image ${image} of ${name} in ${object.kind} ${object.name ?? ''} ${what}: pin a version tag.`.replace(
                '  ',
                ' ',
              ),
            data: { image: reference.name, problem },
          });
        } else if (options.requireDigest && !reference.digest) {
          report({
            range,
            message: `Image ${image} of ${name} is not pinned by digest: add @sha256:…`,
            data: { image: reference.name, problem: 'digest' },
          });
        }
      }
    }
  },
};

/**
 * The `latest` token itself when the image is written on one line as a plain or quoted scalar, so the
 * squiggle (and the quick fix) covers just the tag. Anything else (block scalars, escapes) keeps the whole value.
 */
function tagRange(file: KubernetesFile, node: Node | null | undefined, reference: ImageReference): Range | undefined {
  if (reference.tagOffset === undefined) return undefined;
  return scalarSliceRange(node, file.lines, reference.tagOffset, reference.tagOffset + (reference.tag ?? '').length);
}
