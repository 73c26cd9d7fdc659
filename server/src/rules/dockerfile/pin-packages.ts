import type { Rule } from '../../engine/types';
import { invocations } from './model/invocations';
import { MANAGERS, PACKAGE_MANAGERS, managerOf, type PackageManager } from './pin-packages/managers';

export const pinPackages: Rule<'dockerfile', { managers: PackageManager[] }> = {
  id: 'dockerfile/pin-packages',
  kind: 'dockerfile',
  // Info: many teams get reproducible builds by pinning the base image by digest and let the
  // distribution's security updates in; pinning every package is one way, not the only one.
  defaultSeverity: 'info',
  docs: {
    summary:
      'Packages installed with apt-get, pip, npm, apk, gem, yum, zypper, dnf or go should name a version, so rebuilds install the same thing.',
  },
  aliases: PACKAGE_MANAGERS.map((manager) => `hadolint:${MANAGERS[manager].code}` as const),
  defaultOptions: { managers: [...PACKAGE_MANAGERS] },
  optionsSchema: {
    type: 'object',
    properties: {
      managers: {
        type: 'array',
        items: { enum: [...PACKAGE_MANAGERS] },
        description: 'The package managers whose installs must be pinned (default: all).',
      },
    },
    additionalProperties: false,
  },
  check({ file, options, report }) {
    const checked = new Set(options.managers);
    for (const { program, args } of invocations(file)) {
      const manager = managerOf(program);
      if (!manager || !checked.has(manager)) continue;
      const spec = MANAGERS[manager];
      for (const word of spec.packages(args)) {
        // A word with an expansion (`$PACKAGES`, `curl=$CURL_VERSION`) may carry its version: we cannot tell.
        if (word.value === undefined || spec.pinned(word.value)) continue;
        report({
          range: word.range,
          message: `${word.value} is installed without a version, so each build may get a different one: ${spec.example}.`,
          data: { manager },
        });
      }
    }
  },
};
