/** Shared scoring for the Kubernetes conformance suites: mapping through aliases, attribution of findings to objects. */
import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseAllDocuments } from 'yaml';
import type { RuleSettings } from '../../../server/src/engine/config';
import { kubernetesObjects } from '../../../server/src/engine/kubernetes/objects';
import { containersOf } from '../../../server/src/rules/kubernetes/model/pod-spec';
import type { AliasTool, Finding } from '../../../server/src/engine/types';
import { registry } from '../../../server/src/rules';
import facets from './facets.json';
import settings from './settings.json';

interface Facet {
  key: string;
  has?: boolean;
  equals?: string;
  includes?: string;
}

/** Our rule ids for a foreign check, from every rule's `aliases`. */
export function rulesFor(tool: AliasTool, check: string): string[] {
  return registry.byToolAlias(tool, check).map((rule) => rule.id);
}

export function settingsFor(tool: AliasTool, check: string): RuleSettings | undefined {
  return (settings as unknown as Record<string, RuleSettings>)[`${tool}:${check}`];
}

/** Whether a finding of a mapped rule stands for this particular check (see facets.json). */
export function belongsTo(tool: AliasTool, check: string, finding: Finding): boolean {
  const facet = (facets as Record<string, Facet | string>)[`${tool}:${check}`];
  if (!facet || typeof facet === 'string') return true;
  const value = finding.data?.[facet.key];
  if (facet.has) return value !== undefined;
  if (facet.equals !== undefined) return value === facet.equals;
  if (facet.includes !== undefined) return Array.isArray(value) && value.includes(facet.includes);
  return true;
}

export interface Unit {
  kind: string;
  /** The object's name, or the container's when the fixture names containers instead (`dont-fire-…`). */
  name: string;
}

/** The object (or named container) a finding sits in. */
export function unitsOf(text: string): (finding: Finding) => Unit | undefined {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  const objects = kubernetesObjects(Array.isArray(documents) ? documents : []);
  return (finding) => {
    const offset = lineCounter.lineStarts[finding.range.start.line] + finding.range.start.character;
    const object = objects.find((o) => o.node.range && o.node.range[0] <= offset && offset < o.node.range[2]);
    if (!object) return undefined;
    const container = containersOf(object).find(
      ({ container: c }) => c.range && c.range[0] <= offset && offset < c.range[2],
    );
    const name = object.name ?? container?.name ?? '';
    return { kind: object.kind, name };
  };
}

/** A rule's docs page explains a difference when a `## Differences…` section of it names the foreign check. */
export function documents(ruleIds: readonly string[], check: string): boolean {
  return ruleIds.some((id) => {
    const page = `docs/rules/${id}.md`;
    if (!existsSync(page)) return false;
    const sections = readFileSync(page, 'utf8')
      .split(/^## /m)
      .filter((section) => section.startsWith('Differences'));
    return sections.some((section) => section.includes(check));
  });
}

export interface Row {
  tool: string;
  check: string;
  rules: string[];
  found: number;
  expected: number;
  falsePositives: number;
  negatives: number;
  notes: string[];
}

/** Print the table; returns false when a check misses the target without its docs page saying why. */
export function printRows(rows: readonly Row[]): boolean {
  let ok = true;
  console.log(
    'tool         check                              rules                                      recall          FP',
  );
  for (const row of rows) {
    const recall = row.expected ? row.found / row.expected : 1;
    const meets = recall >= 0.95 && row.falsePositives === 0;
    const documented = !meets && documents(row.rules, row.check);
    if (!meets && !documented) ok = false;
    const status = meets ? 'ok' : documented ? 'documented difference' : 'UNDOCUMENTED';
    console.log(
      `${row.tool.padEnd(12)} ${row.check.padEnd(34)} ${row.rules
        .map((r) => r.replace('kubernetes/', ''))
        .join(', ')
        .padEnd(42)} ` +
        `${`${row.found}/${row.expected}`.padStart(7)} ${`(${Math.round(recall * 100)}%)`.padStart(6)}  ${`${row.falsePositives}/${row.negatives}`.padStart(5)}  ${status}`,
    );
    for (const note of row.notes) console.log(`    ${note}`);
  }
  return ok;
}
