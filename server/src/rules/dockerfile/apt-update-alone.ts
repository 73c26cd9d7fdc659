import type { Rule } from '../../engine/types';
import { APT_INSTALLS, aptInvocations } from './model/apt';

export const aptUpdateAlone: Rule<'dockerfile'> = {
  id: 'dockerfile/apt-update-alone',
  kind: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'apt-get update belongs in the same RUN as the apt-get install it serves, or a cached layer installs from stale lists.',
  },
  aliases: ['checkov:CKV_DOCKER_5', 'trivy:DS017'],
  check({ file, report }) {
    const all = [...aptInvocations(file)];
    for (const update of all) {
      if (update.action.value !== 'update') continue;
      const installsHere = all.some((other) => other.script === update.script && APT_INSTALLS.has(other.action.value!));
      if (installsHere) continue;
      const laterInstall = all.find(
        (other) =>
          other.script !== update.script &&
          APT_INSTALLS.has(other.action.value!) &&
          other.script.end > update.script.end &&
          other.stage === update.stage,
      );
      if (!laterInstall) continue;
      report({
        range: update.action.range,
        message: `apt-get update runs alone here and apt-get ${laterInstall.action.value} in a later RUN: Docker caches this layer, so the install can use stale lists. Run them together: apt-get update && apt-get install …`,
      });
    }
  },
};
