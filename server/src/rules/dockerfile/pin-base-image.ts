import type { From } from 'dockerfile-ast';
import type { DockerfileFile, Range, Rule } from '../../engine/types';
import { mutableTagProblem, parseImageReference } from '../shared/image-reference';
import { expandVariables } from './model/variables';

export const pinBaseImage: Rule<'dockerfile', { requireDigest: boolean }> = {
  id: 'dockerfile/pin-base-image',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'Base images need an explicit tag other than latest, so builds are repeatable.' },
  aliases: ['hadolint:DL3006', 'hadolint:DL3007'],
  defaultOptions: { requireDigest: false },
  check({ file, options, report }) {
    const stageNames = new Set<string>();
    const argDefaults = initialArgDefaults(file);
    for (const from of file.dockerfile.getFROMs()) {
      const written = from.getImage();
      const imageRange = from.getImageRange();
      const stage = from.getBuildStage();
      if (written && imageRange && !stageNames.has(written.toLowerCase()) && written.toLowerCase() !== 'scratch') {
        checkImage(from, written, imageRange, argDefaults, options.requireDigest, report);
      }
      if (stage) stageNames.add(stage.toLowerCase());
    }
  },
};

function checkImage(
  from: From,
  written: string,
  imageRange: Range,
  argDefaults: Map<string, string | undefined>,
  requireDigest: boolean,
  report: (r: { range: Range; message: string; data?: Record<string, unknown> }) => void,
) {
  const resolved = written.includes('$') ? expandVariables(written, argDefaults) : written;
  // An ARG without a default is set at build time (`--build-arg`): we cannot judge it.
  if (resolved === undefined || resolved.toLowerCase() === 'scratch') return;
  const reference = parseImageReference(resolved);
  const problem = mutableTagProblem(reference);
  const viaArg = resolved !== written ? ` (${written} resolves to ${resolved})` : '';
  if (problem === 'latest') {
    // Point at the tag itself when it is written literally, else at the whole image argument.
    const range = resolved === written ? (from.getImageTagRange() ?? imageRange) : imageRange;
    report({
      range,
      message: `Base image ${reference.name}${viaArg} uses the mutable tag 'latest': pin a version tag such as ${reference.name}:1.2.3.`,
      data: { image: reference.name, problem },
    });
  } else if (problem === 'untagged') {
    report({
      range: imageRange,
      message: `Base image ${reference.name}${viaArg} has no tag, so it means 'latest': pin a version tag such as ${reference.name}:1.2.3.`,
      data: { image: reference.name, problem },
    });
  } else if (requireDigest && !reference.digest) {
    report({
      range: imageRange,
      message: `Base image ${resolved} is not pinned by digest: add @sha256:… so the exact image is used.`,
      data: { image: reference.name, problem: 'digest' },
    });
  }
}

/** ARGs declared before the first FROM, with their defaults: the only ones a FROM line can see. */
function initialArgDefaults(file: DockerfileFile): Map<string, string | undefined> {
  const defaults = new Map<string, string | undefined>();
  for (const arg of file.dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property) defaults.set(property.getName(), property.getValue() ?? undefined);
  }
  return defaults;
}
