import type { Rule } from '../../engine/types';
import { invocations } from './model/invocations';

export const noSudo: Rule<'dockerfile'> = {
  id: 'dockerfile/no-sudo',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'RUN should not use sudo: switch users with USER instead.' },
  aliases: ['hadolint:DL3004', 'trivy:DS010', 'checkov:CKV2_DOCKER_1'],
  check({ file, report }) {
    for (const { command } of invocations(file)) {
      // The raw first word, not the unwrapped program: `sudo` is the wrapper we are looking for.
      const first = command.words[0];
      if (first?.value !== 'sudo' && !first?.value?.endsWith('/sudo')) continue;
      report({
        range: first.range,
        message:
          'Do not use sudo in RUN: it behaves unpredictably without a TTY and leaves a setuid tool in the image. Use USER root for the steps that need it, then switch back.',
      });
    }
  },
};
