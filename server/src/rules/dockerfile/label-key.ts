import type { Rule } from '../../engine/types';
import { labelPairs } from './model/labels';

/** Docker's key format: lowercase letters and digits, separated by `.`, `-` (and `_`, `/` as hadolint allows). */
const VALID_KEY = /^[a-z]([a-z0-9._/-]*[a-z0-9])?$/;
const RESERVED_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

export const labelKey: Rule<'dockerfile'> = {
  id: 'dockerfile/label-key',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  docs: {
    summary:
      "LABEL keys should follow Docker's format (lowercase, starting with a letter, no doubled separators) and stay out of Docker's reserved namespaces.",
  },
  aliases: ['hadolint:DL3048'],
  check({ file, report }) {
    for (const { key, keyRange } of labelPairs(file)) {
      // A variable in the key is expanded at build time.
      if (key.includes('$')) continue;
      const reserved = RESERVED_NAMESPACES.find((namespace) => key.startsWith(namespace));
      if (reserved) {
        report({
          range: keyRange,
          message: `${reserved}* is reserved for Docker's own labels: use your reverse domain.`,
        });
      } else if (!VALID_KEY.test(key) || /\.\.|--/.test(key)) {
        report({
          range: keyRange,
          message: `Label key '${key}' does not follow Docker's format: lowercase letters and digits, separated by single . or - (e.g. org.opencontainers.image.${
            key
              .toLowerCase()
              .replace(/[^a-z0-9.-]+/g, '-')
              .replace(/^[^a-z]+|[^a-z0-9]+$/g, '') || 'title'
          }).`,
        });
      }
    }
  },
};
