import type { Rule } from '../../engine/types';
import { copyInstructions } from './model/copies';

const REMOTE = /^(https?|git|ssh):\/\/|^git@|\.git(#.*)?$/i;
/**
 * ADD recognises a tar archive by its content, compressed or not, whatever its name: a `.gz`, `.bz2`, `.xz` or
 * `.zst` file may be a tarball ADD unpacks, so only names that are surely not archives count as plain files.
 */
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst)$/i;

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
        copy.sources.some(({ value }) => {
          const path = value.replace(/^["']|["']$/g, '');
          return REMOTE.test(path) || ARCHIVE.test(path) || path.includes('$');
        })
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
