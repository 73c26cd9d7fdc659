import type { Rule } from '../../engine/types';

export const deprecatedMaintainer: Rule<'dockerfile'> = {
  id: 'dockerfile/deprecated-maintainer',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors.' },
  aliases: ['hadolint:DL4000', 'buildkit:MaintainerDeprecated', 'trivy:DS022', 'checkov:CKV_DOCKER_6'],
  check({ file, report }) {
    for (const instruction of file.dockerfile.getInstructions()) {
      if (instruction.getKeyword() !== 'MAINTAINER') continue;
      report({
        range: instruction.getInstructionRange(),
        message: 'MAINTAINER is deprecated: write LABEL org.opencontainers.image.authors="…", which tools read.',
        data: { authors: instruction.getArgumentsContent() ?? '' },
      });
    }
  },
};
