import type { Rule } from '../../engine/types';
import { copyInstructions } from './model/copies';

const REMOTE = /^(https?|git|ssh):\/\/|^git@|\.git(#.*)?$/i;
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i;

export const preferCopy: Rule<'dockerfile'> = {
  id: 'dockerfile/prefer-copy',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'Use COPY for local files: ADD also fetches URLs and unpacks archives, which should be explicit.' },
  aliases: ['hadolint:DL3020', 'trivy:DS005', 'checkov:CKV_DOCKER_4'],
  check({ file, report }) {
    for (const copy of copyInstructions(file)) {
      if (copy.keyword !== 'ADD') continue;
      // URLs, git repositories and local tar archives are what ADD is for.
      if (
        copy.sources.some(
          (source) => REMOTE.test(source.value) || ARCHIVE.test(source.value) || source.value.includes('$'),
        )
      )
        continue;
      report({
        range: copy.instruction.getInstructionRange(),
        message:
          'ADD of local files does the same as COPY, but would silently unpack an archive or fetch a URL: use COPY. (Keep ADD for URLs with --checksum and for tar archives you want unpacked.)',
      });
    }
  },
};
