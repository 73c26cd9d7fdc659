import { containersOf, describeContainer } from './model/pod-spec';
import type { Rule } from '../../engine/types';
import { mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import { mutableTagProblem, parseImageReference } from '../shared/image-reference';

export const imagePullPolicy: Rule<'kubernetes'> = {
  id: 'kubernetes/image-pull-policy',
  kind: 'kubernetes',
  defaultSeverity: 'info',
  docs: { summary: 'Images with a mutable tag such as latest should be pulled with imagePullPolicy: Always.' },
  aliases: ['polaris:pullPolicyNotAlways'],
  check({ file, report }) {
    for (const object of file.objects) {
      for (const ref of containersOf(object)) {
        const image = scalarString(mapGet(ref.container, 'image'));
        const policyNode = mapGet(ref.container, 'imagePullPolicy');
        const policy = scalarString(policyNode);
        const range = nodeRange(file.lines, policyNode);
        // Without a policy Kubernetes already pulls `latest` and untagged images every time.
        if (!image || !policy || !range || policy === 'Always') continue;
        const problem = mutableTagProblem(parseImageReference(image));
        if (!problem) continue;
        report({
          range,
          message: `The ${describeContainer(ref)} uses ${image}${problem === 'untagged' ? ' (no tag: latest)' : ''} with imagePullPolicy: ${policy}, so each node keeps whatever version it pulled first: use Always, or pin a tag.`,
        });
      }
    }
  },
};
