import { isScalar, isSeq } from 'yaml';
import { scalarString } from '../../../engine/yaml/nav';

/**
 * The systems a job's `runs-on` may give it, from GitHub-hosted image names and the `windows`,
 * `linux`, `macos` labels of self-hosted runners. A label that says nothing about the system
 * (`self-hosted`, a group, an expression) alone leaves the set empty: the system is unknown.
 */
export function runnerSystems(runsOn: unknown): Set<'unix' | 'windows'> {
  const labels = isSeq(runsOn) ? runsOn.items : [runsOn];
  const systems = new Set<'unix' | 'windows'>();
  for (const item of labels) {
    const label = isScalar(item) ? scalarString(item)?.toLowerCase() : undefined;
    if (!label || label.includes('${{')) return new Set();
    if (/^windows\b/.test(label)) systems.add('windows');
    else if (/^(ubuntu|macos|linux)\b/.test(label)) systems.add('unix');
  }
  return systems;
}
