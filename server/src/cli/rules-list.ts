import { isOptIn } from '../engine/opt-in';
import { docsUrl } from '../engine/docs-url';
import type { RuleRegistry } from '../engine/registry';

/** `shipshape rules`: every rule with its default severity, aliases and docs link. */
export function formatRules(registry: RuleRegistry, format: 'text' | 'json'): string {
  const rules = registry.all.map((rule) => ({
    id: rule.id,
    kind: rule.kind,
    severity: rule.defaultSeverity,
    optIn: isOptIn(rule),
    summary: rule.docs.summary,
    aliases: [...rule.aliases],
    docs: docsUrl(rule.id),
  }));
  if (format === 'json') return JSON.stringify({ version: 1, rules }, null, 2);
  const width = Math.max(...rules.map((rule) => rule.id.length));
  return rules
    .map((rule) => `${rule.id.padEnd(width)}  ${(rule.optIn ? 'off' : rule.severity).padEnd(7)}  ${rule.summary}`)
    .join('\n');
}
