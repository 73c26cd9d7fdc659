/**
 * Report formats for CI systems that show findings without code scanning: GitHub workflow commands,
 * GitLab Code Quality (the Code Climate issue format), Checkstyle XML and JUnit XML.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../engine/types';
import type { ReportedFinding } from './report';

const GITHUB_COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * `::error file=…,line=…::message`, one line per finding: GitHub Actions turns them into annotations.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
export function formatGithub(findings: readonly ReportedFinding[]): string {
  return findings
    .map((f) => {
      const properties = [
        ['file', f.file],
        ['line', String(f.line)],
        ['col', String(f.column)],
        ['endLine', String(f.endLine)],
        ['endColumn', String(f.endColumn)],
        ['title', f.rule],
      ]
        .map(([name, value]) => `${name}=${escapeProperty(value)}`)
        .join(',');
      return `::${GITHUB_COMMANDS[f.severity]} ${properties}::${escapeData(`${f.message} (${f.docs})`)}`;
    })
    .join('\n');
}

/** What the runner's command parser unescapes in a message (actions/toolkit `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also may not contain the `:` and `,` that delimit properties (`escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITLAB_SEVERITIES: Record<Severity, 'major' | 'minor' | 'info'> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
};

/**
 * GitLab Code Quality: a JSON array of Code Climate issues; GitLab reads `description`, `check_name`,
 * `fingerprint`, `severity` and `location.path`/`location.lines.begin`.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
export function formatGitlab(findings: readonly ReportedFinding[]): string {
  // The fingerprint leaves out line numbers, so that an edit above a finding does not make it "new";
  // identical findings in one file are told apart by their order.
  const seen = new Map<string, number>();
  const issues = findings.map((f) => {
    const identity = `${f.rule}\u0000${f.file}\u0000${f.message}`;
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      type: 'issue',
      check_name: f.rule,
      description: f.message,
      content: { body: `${f.message}\n\n[${f.rule}](${f.docs})` },
      categories: [f.severity === 'error' ? 'Bug Risk' : 'Style'],
      severity: GITLAB_SEVERITIES[f.severity],
      fingerprint: createHash('sha256').update(`${identity}\u0000${occurrence}`).digest('hex'),
      location: {
        path: f.file,
        lines: { begin: f.line, end: f.endLine },
        positions: {
          begin: { line: f.line, column: f.column },
          end: { line: f.endLine, column: f.endColumn },
        },
      },
    };
  });
  return JSON.stringify(issues, null, 2);
}

/** Checkstyle XML (Jenkins' warnings-ng, reviewdog, many others): one `<file>` per file with findings. */
export function formatCheckstyle(findings: readonly ReportedFinding[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, group] of byFile(findings)) {
    lines.push(`  <file name="${xml(file)}">`);
    for (const f of group) {
      lines.push(
        `    <error line="${f.line}" column="${f.column}" severity="${f.severity}" message="${xml(f.message)}" source="shipshape.${xml(f.rule)}"/>`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n');
}

/**
 * JUnit XML: one test suite per checked file, one failed test case per finding (a clean file gets one
 * passing case), so CI test-report views list files that pass as well as findings.
 */
export function formatJunit(findings: readonly ReportedFinding[], checkedFiles: readonly string[]): string {
  const groups = byFile(findings);
  for (const file of checkedFiles) if (!groups.has(file)) groups.set(file, []);
  const suites: string[] = [];
  for (const [file, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const cases =
      group.length === 0
        ? [`    <testcase classname="${xml(file)}" name="shipshape" time="0"/>`]
        : group.map((f) =>
            [
              `    <testcase classname="${xml(file)}" name="${xml(`${f.rule} at ${f.line}:${f.column}`)}" time="0">`,
              `      <failure message="${xml(f.message)}" type="${f.severity}">${xml(
                `${f.severity}: ${f.message}\nat ${f.file}:${f.line}:${f.column}\n${f.docs}`,
              )}</failure>`,
              '    </testcase>',
            ].join('\n'),
          );
    suites.push(
      `  <testsuite name="${xml(file)}" tests="${Math.max(group.length, 1)}" failures="${group.length}" errors="0" skipped="0">`,
      ...cases,
      '  </testsuite>',
    );
  }
  const tests = [...groups.values()].reduce((sum, group) => sum + Math.max(group.length, 1), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="shipshape" tests="${tests}" failures="${findings.length}" errors="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
}

function byFile(findings: readonly ReportedFinding[]): Map<string, ReportedFinding[]> {
  const groups = new Map<string, ReportedFinding[]>();
  for (const f of findings) groups.set(f.file, [...(groups.get(f.file) ?? []), f]);
  return groups;
}

/** Escaped for XML attributes and text; characters XML 1.0 forbids are dropped. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
