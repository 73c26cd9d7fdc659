// Named imports: the bundles then hold these fields, not the whole manifest.
import { repository, version } from '../../../package.json';
import { docsUrl } from '../engine/docs-url';
import { isOptIn } from '../engine/opt-in';
import type { RuleRegistry } from '../engine/registry';
import type { Severity } from '../engine/types';
import type { ReportedFinding } from './report';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: every rule with a help URI and default level,
 * results with a rule index and a region, paths relative to the checkout root (`%SRCROOT%`).
 */
export function formatSarif(findings: readonly ReportedFinding[], registry: RuleRegistry): string {
  // Rules made on demand (ShellCheck's codes) are not in `all`: those the findings name are listed too.
  const listed = new Set(registry.all.map((rule) => rule.id));
  const made = [...new Set(findings.map((finding) => finding.rule))]
    .filter((id) => !listed.has(id))
    .map((id) => registry.get(id))
    .filter((rule) => rule !== undefined);
  const rules = [...registry.all, ...made];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Shipshape',
            version,
            semanticVersion: version,
            informationUri: repository.url,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id
                .split('/')[1]
                .replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())
                .replace(/^\w/, (c) => c.toUpperCase()),
              shortDescription: { text: rule.docs.summary },
              fullDescription: { text: rule.docs.summary },
              helpUri: docsUrl(rule.id),
              help: {
                text: `${rule.docs.summary} See ${docsUrl(rule.id)}`,
                markdown: `${rule.docs.summary} [Documentation](${docsUrl(rule.id)})`,
              },
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity], enabled: !isOptIn(rule) },
              properties: { tags: [rule.kind, ...rule.aliases] },
            })),
          },
        },
        originalUriBaseIds: {
          '%SRCROOT%': { uri: `file://${process.cwd().replace(/\\/g, '/').replace(/\/?$/, '/')}` },
        },
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: index.get(finding.rule) ?? -1,
          level: LEVELS[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: finding.line,
                  startColumn: finding.column,
                  endLine: finding.endLine,
                  endColumn: finding.endColumn,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
