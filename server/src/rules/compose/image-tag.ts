import type { Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { floatingImage } from '../shared/image-tag-check';
import { composeProject } from './model/project';

export const imageTag: Rule<'compose'> = {
  id: 'compose/image-tag',
  kind: 'compose',
  defaultSeverity: 'warning',
  docs: { summary: 'Service images need a version tag other than latest, so every machine runs the same image.' },
  aliases: [],
  check({ file, workspace, report }) {
    for (const service of composeProject(file, workspace).services) {
      // With `build:`, `image:` names the image Compose builds locally, not one it pulls.
      if (service.get('build') !== undefined) continue;
      const image = service.get('image');
      const floating = floatingImage(image, file.lines);
      const range = nodeRange(file.lines, image);
      if (!floating || !range) continue;
      report({
        range,
        message: `Image ${String((image as { value: unknown }).value)} of service '${service.name}' ${floating.description}: pin a version tag.`,
        data: { problem: floating.problem, tagRange: floating.tagRange },
      });
    }
  },
};
