import type { From } from 'dockerfile-ast';
import type { Range, Rule } from '../../engine/types';
import { mutableTagProblem, parseImageReference } from '../shared/image-reference';
import { dockerfileModel } from './model/stages';

export const pinBaseImage: Rule<'dockerfile', { requireDigest: boolean }> = {
  id: 'dockerfile/pin-base-image',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'Base images need an explicit tag other than latest, so builds are repeatable.' },
  aliases: ['hadolint:DL3006', 'hadolint:DL3007'],
  defaultOptions: { requireDigest: false },
  check({ file, options, report }) {
    for (const stage of dockerfileModel(file).stages) {
      const written = stage.from.getImage();
      const imageRange = stage.from.getImageRange();
      // `image` is undefined for `FROM <earlier stage>` and for an ARG without a default (set at build time).
      if (!written || !imageRange || stage.image === undefined || stage.image.toLowerCase() === 'scratch') continue;
      checkImage(stage.from, written, stage.image, imageRange, options.requireDigest, report);
    }
  },
};

function checkImage(
  from: From,
  written: string,
  resolved: string,
  imageRange: Range,
  requireDigest: boolean,
  report: (r: { range: Range; message: string; data?: Record<string, unknown> }) => void,
) {
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
