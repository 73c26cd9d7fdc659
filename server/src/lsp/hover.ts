import type { Hover, Position } from 'vscode-languageserver';
import { docsUrl } from '../engine/docs-url';
import type { RuleRegistry } from '../engine/registry';
import type { Finding, Range } from '../engine/types';

/** Hovering a finding's range shows its rule's one-line doc and a link to the full page. */
export function hoverFor(findings: readonly Finding[], position: Position, registry: RuleRegistry): Hover | null {
  const here = findings.filter((finding) => contains(finding.range, position));
  if (here.length === 0) return null;
  const sections = [...new Set(here.map((finding) => finding.ruleId))].map((ruleId) => {
    const rule = registry.get(ruleId);
    const aliases = rule?.aliases.length ? ` (${rule.aliases.join(', ')})` : '';
    return `**${ruleId}**${aliases}: ${rule?.docs.summary ?? ''} [Docs](${docsUrl(ruleId)})`;
  });
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: here[0].range };
}

function contains(range: Range, position: Position): boolean {
  const after =
    position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const before =
    position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return after && before;
}
