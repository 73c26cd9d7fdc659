import { relative } from 'node:path';
import { docsUrl } from '../engine/docs-url';
import type { RuleRegistry } from '../engine/registry';
import type { Finding, Severity } from '../engine/types';

/** A finding as the CLI reports it: 1-based lines and columns, end column exclusive, path relative to cwd. */
export interface ReportedFinding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  aliases: string[];
  docs: string;
}

export function toReported(finding: Finding, registry: RuleRegistry, cwd: string): ReportedFinding {
  return {
    file: relative(cwd, finding.file).replace(/\\/g, '/') || finding.file,
    rule: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    aliases: [...(registry.get(finding.ruleId)?.aliases ?? [])],
    docs: docsUrl(finding.ruleId),
  };
}

export function formatJson(findings: readonly ReportedFinding[]): string {
  return JSON.stringify({ version: 1, findings }, null, 2);
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export function formatText(findings: readonly ReportedFinding[], color: boolean, fileCount: number): string {
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const lines = findings.map(
    (f) =>
      `${f.file}:${f.line}:${f.column} ${paint(COLORS[f.severity], f.severity)} ${paint(DIM, f.rule)} ${f.message}`,
  );
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const files = `${fileCount} file${fileCount === 1 ? '' : 's'} checked`;
  lines.push(
    findings.length === 0
      ? `No problems found (${files}).`
      : `${findings.length} problem${findings.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info) in ${files}.`,
  );
  return lines.join('\n');
}
