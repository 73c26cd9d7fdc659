import type { Copy, Instruction } from 'dockerfile-ast';
import picomatch from 'picomatch';
import type { Range, Rule } from '../../engine/types';
import { registryOf } from '../shared/image-reference';
import { dockerfileModel, earlierStage, type DockerfileModel, type Stage } from './model/stages';

/** Names Docker Hub goes by: an image without a registry part comes from here. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

export const trustedRegistry: Rule<'dockerfile', { registries: string[] }> = {
  id: 'dockerfile/trusted-registry',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'Images may only come from the registries you trust (inactive until you list them).' },
  aliases: ['hadolint:DL3026'],
  defaultOptions: { registries: [] },
  optionsSchema: {
    type: 'object',
    properties: {
      registries: {
        type: 'array',
        items: { type: 'string' },
        description: "Trusted registry hosts, e.g. 'ghcr.io', 'registry.example.com:5000', '*.gcr.io'.",
      },
    },
    additionalProperties: false,
  },
  check({ file, options, report }) {
    // Like hadolint's trustedRegistries: an empty list means the policy is not in use.
    if (options.registries.length === 0) return;
    const trusted = options.registries.map(registryMatcher);
    const isTrusted = (registry: string) => trusted.some((matches) => matches(registry));
    const model = dockerfileModel(file);
    const check = (image: string, written: string, range: Range) => {
      if (image.toLowerCase() === 'scratch') return;
      const registry = registryOf(image);
      if (isTrusted(registry)) return;
      const viaArg = image !== written ? ` (${written} resolves to ${image})` : '';
      report({
        range,
        message: `Image ${image}${viaArg} comes from ${registry}, which is not a trusted registry (${options.registries.join(', ')}).`,
        data: { image, registry },
      });
    };
    for (const stage of model.stages) {
      const written = stage.from.getImage();
      const range = stage.from.getImageRange();
      // `image` is undefined for `FROM <stage>` and for an ARG without a default: nothing to judge.
      if (stage.image !== undefined && written && range) check(stage.image, written, range);
      for (const instruction of stage.instructions) {
        const source = copySourceImage(model, stage, instruction);
        if (source) check(source.image, source.image, source.range);
      }
    }
  },
};

/** `COPY --from=<image>` pulls an image too, unless it names an earlier stage (a bad index is a syntax error). */
function copySourceImage(
  model: DockerfileModel,
  stage: Stage,
  instruction: Instruction,
): { image: string; range: Range } | undefined {
  if (instruction.getKeyword() !== 'COPY') return undefined;
  const flag = (instruction as Copy).getFromFlag();
  const value = flag?.getValue();
  const range = flag?.getValueRange();
  if (!value || !range || value.includes('$') || /^\d+$/.test(value) || earlierStage(model, stage, value))
    return undefined;
  return { image: value, range };
}

/** `ghcr.io` matches itself, `*.gcr.io` any subdomain, `*` everything; Docker Hub's aliases match each other. */
function registryMatcher(entry: string): (registry: string) => boolean {
  const wanted = entry.trim().toLowerCase();
  if (DOCKER_HUB.has(wanted)) return (registry) => DOCKER_HUB.has(registry);
  return picomatch(wanted);
}
