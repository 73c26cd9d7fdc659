import { isScalar } from 'yaml';
import { containerAnchor, keyOr } from './model/anchors';
import { containersOf, describeContainer } from './model/pod-spec';
import type { Rule } from '../../engine/types';
import { asSeq, getIn, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import capabilities from './data/capabilities.json';

const DEFAULTS = new Set(capabilities.defaults);
const DANGEROUS = new Set(capabilities.dangerous);

/** `CAP_NET_RAW` and `net_raw` both mean NET_RAW: the runtime normalises case and prefix. */
function normalize(capability: string): string {
  return capability.toUpperCase().replace(/^CAP_/, '');
}

export const dropCapabilities: Rule<'kubernetes'> = {
  id: 'kubernetes/drop-capabilities',
  kind: 'kubernetes',
  defaultSeverity: 'warning',
  docs: { summary: 'Containers should drop all Linux capabilities and add back only harmless ones they need.' },
  aliases: ['polaris:insecureCapabilities', 'polaris:dangerousCapabilities'],
  check({ file, report }) {
    for (const object of file.objects) {
      for (const ref of containersOf(object)) {
        const who = describeContainer(ref);
        const capabilitiesNode = getIn(ref.container, ['securityContext', 'capabilities']);
        const dropped = new Set(
          (asSeq(mapGet(capabilitiesNode, 'drop'))?.items ?? []).map((item) => normalize(scalarString(item) ?? '')),
        );
        if (!dropped.has('ALL') && ![...DEFAULTS].every((capability) => dropped.has(capability))) {
          const anchor = containerAnchor(file.lines, ref);
          report({
            range: keyOr(file.lines, capabilitiesNode, 'drop', anchor),
            message: `The ${who} keeps the default Linux capabilities: add securityContext.capabilities.drop: [ALL].`,
            data: { setting: 'capabilities' },
          });
        }
        for (const item of asSeq(mapGet(capabilitiesNode, 'add'))?.items ?? []) {
          const name = isScalar(item) ? normalize(scalarString(item) ?? '') : '';
          const range = nodeRange(file.lines, item as never);
          if (!DANGEROUS.has(name) || !range) continue;
          const what = name === 'ALL' ? 'every capability' : `${name}, which lets it take over the node or its network`;
          report({
            range,
            message: `The ${who} adds ${what}: remove it from capabilities.add.`,
            data: { added: name },
          });
        }
      }
    }
  },
};
