import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver';
import { docsUrl } from '../engine/docs-url';
import { isOptIn } from '../engine/opt-in';
import type { RuleRegistry } from '../engine/registry';
import { SEVERITIES } from '../engine/types';

const TOP_LEVEL_KEYS: Array<[string, string]> = [
  ['rules', 'Severity (off, info, warning, error) or [severity, {options}] per rule id.'],
  ['ignore', 'Glob patterns, relative to this file, of files Shipshape does not check.'],
  [
    'failOn',
    'The lowest severity (error, warning, info, none) that makes `shipshape check` exit 1; --fail-on overrides it.',
  ],
];

/**
 * Completion in `.shipshape.yaml`, so the config file is pleasant to edit without any other extension:
 * top-level keys, rule ids under `rules:`, and severities after a rule id.
 */
export function configCompletions(text: string, position: Position, registry: RuleRegistry): CompletionItem[] {
  const lines = text.split(/\r?\n/);
  const before = (lines[position.line] ?? '').slice(0, position.character);
  if (/^[\w-]*$/.test(before)) {
    return TOP_LEVEL_KEYS.map(([key, documentation]) => ({
      label: key,
      kind: CompletionItemKind.Property,
      insertText: `${key}:`,
      documentation,
    }));
  }
  if (sectionAbove(lines, position.line) !== 'rules') return [];
  const severityContext = /^\s+([\w/-]+)\s*:\s*\[?\s*\w*$/.exec(before);
  if (severityContext) {
    const rule = registry.get(severityContext[1]);
    const byDefault = rule && (isOptIn(rule) ? 'off' : rule.defaultSeverity);
    return ['off', ...SEVERITIES].map((severity, index) => ({
      label: severity,
      kind: CompletionItemKind.EnumMember,
      sortText: String(index),
      detail: severity === byDefault ? 'default' : undefined,
    }));
  }
  if (/^\s+[\w/-]*$/.test(before)) {
    const present = new Set(lines.map((line) => /^\s+([\w/-]+)\s*:/.exec(line)?.[1]).filter(Boolean));
    return registry.all
      .filter((rule) => !present.has(rule.id))
      .map((rule) => ({
        label: rule.id,
        kind: CompletionItemKind.Property,
        detail: isOptIn(rule)
          ? `default: off (opt-in, ${rule.defaultSeverity} when on)`
          : `default: ${rule.defaultSeverity}`,
        documentation: { kind: 'markdown', value: `${rule.docs.summary}\n\n[Docs](${docsUrl(rule.id)})` },
        insertText: `${rule.id}: `,
      }));
  }
  return [];
}

/** The top-level key whose block holds this line. */
function sectionAbove(lines: readonly string[], line: number): string | undefined {
  for (let i = line; i >= 0; i--) {
    const match = /^([\w-]+)\s*:/.exec(lines[i]);
    if (match) return match[1];
  }
  return undefined;
}
