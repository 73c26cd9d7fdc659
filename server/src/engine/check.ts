import { effectiveRule, type RuleSettings } from './config';
import { collectDirectives, isSuppressed, type RuleReference } from './suppressions';
import { overlaps, templateEvidence, type TemplateEvidence } from './templates';
import type {
  CheckingRule,
  Finding,
  Host,
  ParsedFile,
  Range,
  Report,
  RuleLookup,
  Severity,
  WorkspaceView,
} from './types';

export const UNUSED_SUPPRESSION = 'shipshape/unused-suppression';
export const INTERNAL_ERROR = 'shipshape/internal-error';
export const TEMPLATE = 'shipshape/template';

export interface CheckEnvironment {
  registry: RuleLookup;
  host: Host;
  workspace: WorkspaceView;
  /** Rule settings above the defaults, lowest first: the config file, then the editor's settings. */
  settings: readonly (RuleSettings | undefined)[];
  /** Told the id of each rule before it runs: the server names the rule when a check overruns its budget. */
  onRule?: (ruleId: string) => void;
  /** Cross-file rules wait while the server is still reading the workspace: they would judge a part of it. */
  skipWorkspaceRules?: boolean;
}

/** Run every enabled rule of the file's kind, then apply in-place suppressions. Never throws. */
export function checkFile(file: ParsedFile, env: CheckEnvironment): Finding[] {
  let raw: Finding[] = [];
  const template = templateEvidence(file);
  const partial = env.registry.isPartial(file, env.workspace);
  const skipped: string[] = [];
  for (const rule of env.registry.forKind(file.kind)) {
    const { severity, options } = effectiveRule(rule, env.settings);
    if (severity === 'off') continue;
    if (partial && rule.partials !== 'check') continue;
    if (env.skipWorkspaceRules && rule.scope === 'workspace') continue;
    if (template && rule.templates === 'skip') {
      skipped.push(rule.id);
      continue;
    }
    const explicit = env.settings.some((layer) => layer?.[rule.id]?.severity !== undefined);
    env.onRule?.(rule.id);
    runRule(rule, file, env, options, raw, (report) =>
      raw.push({
        ...report,
        file: file.path,
        ruleId: rule.id,
        severity: explicit ? severity : (report.severity ?? severity),
      }),
    );
  }
  if (template) raw = [...withoutPlaceholderFindings(raw, template), ...templateFinding(file, template, skipped, env)];
  return sortFindings(applySuppressions(file, raw, env));
}

/** Findings on a placeholder are about the template's syntax, which the rendered file will not have. */
function withoutPlaceholderFindings(findings: Finding[], template: TemplateEvidence): Finding[] {
  return findings.filter(
    (finding) =>
      finding.ruleId === INTERNAL_ERROR || !template.placeholders.some((range) => overlaps(finding.range, range)),
  );
}

function templateFinding(file: ParsedFile, template: TemplateEvidence, skipped: string[], env: CheckEnvironment) {
  const rule = env.registry.get(TEMPLATE);
  if (!rule) return [];
  const { severity } = effectiveRule(rule, env.settings);
  if (severity === 'off') return [];
  const rules = skipped.length > 0 ? `${skipped.join(', ')} skipped, ` : '';
  const finding: Finding = {
    file: file.path,
    ruleId: TEMPLATE,
    severity,
    range: template.range,
    message: `This file looks like a template for another tool (${template.what}): ${rules}findings on its placeholders dropped. Check the rendered file for the rest.`,
  };
  return [finding];
}

function runRule(
  rule: CheckingRule,
  file: ParsedFile,
  env: CheckEnvironment,
  options: Record<string, unknown>,
  findings: Finding[],
  report: (report: Report) => void,
): void {
  try {
    rule.check({ file, options, workspace: env.workspace, host: env.host, registry: env.registry, report });
  } catch (error) {
    // A bug in one rule must not take the other rules (or the server) down with it: say so, visibly,
    // as the engine's own rule, so that it is not mistaken for (or suppressed as) the crashing rule.
    const internal = effectiveRule(env.registry.get(INTERNAL_ERROR)!, env.settings);
    if (internal.severity === 'off') return;
    const reason = error instanceof Error ? error.message : String(error);
    findings.push({
      file: file.path,
      ruleId: INTERNAL_ERROR,
      range: firstLine(file),
      message: `Rule ${rule.id} failed on this file: ${reason}. Please report this.`,
      severity: internal.severity,
    });
  }
}

function applySuppressions(file: ParsedFile, findings: Finding[], env: CheckEnvironment): Finding[] {
  const { directives, problems } = collectDirectives(file, env.registry);
  const used = new Set<RuleReference>();
  const kept = findings.filter((finding) => {
    let suppressed = false;
    for (const directive of directives) {
      const match = isSuppressed(finding, directive);
      if (!match) continue;
      suppressed = true;
      if (match !== 'all') used.add(match);
    }
    return !suppressed;
  });

  const unused = effectiveRule(env.registry.get(UNUSED_SUPPRESSION)!, env.settings);
  if (unused.severity === 'off') return kept;
  const report = (range: Range, message: string) =>
    kept.push({ file: file.path, ruleId: UNUSED_SUPPRESSION, severity: unused.severity as Severity, range, message });
  for (const problem of problems) report(problem.range, problem.message);
  // Only our own comments are judged: a hadolint or zizmor comment may still serve that tool.
  for (const directive of directives.filter((d) => d.tool === 'shipshape')) {
    for (const reference of directive.references) {
      if (reference.ruleIds.length === 0) {
        const suggestion = env.registry.suggest(reference.name);
        report(
          reference.range,
          `Unknown rule '${reference.name}' in shipshape-ignore.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
        );
      } else if (!used.has(reference) && isEnabled(reference.name, env) && !isExternal(reference.name, env)) {
        report(reference.range, `This shipshape-ignore for ${reference.name} suppresses nothing: remove it.`);
      }
    }
  }
  return kept;
}

function isExternal(ruleId: string, env: CheckEnvironment): boolean {
  const rule = env.registry.get(ruleId);
  return rule !== undefined && 'external' in rule && rule.external === true;
}

/**
 * Findings an outside program (ShellCheck) made for a file, after the engine's run: the same rule settings
 * (severity, off) and in-place suppressions apply as to the engine's own. `severity` is the tool's own level.
 */
export function settleExternalFindings(
  file: ParsedFile,
  reports: ReadonlyArray<Report & { ruleId: string; severity: Severity }>,
  env: CheckEnvironment,
): Finding[] {
  const settled: Finding[] = [];
  for (const report of reports) {
    const rule = env.registry.get(report.ruleId);
    if (!rule) continue;
    const { severity } = effectiveRule(rule, env.settings);
    if (severity === 'off') continue;
    const explicit = env.settings.some((layer) => layer?.[rule.id]?.severity !== undefined);
    settled.push({ ...report, file: file.path, severity: explicit ? severity : report.severity });
  }
  const { directives } = collectDirectives(file, env.registry);
  return sortFindings(settled.filter((finding) => !directives.some((directive) => isSuppressed(finding, directive))));
}

function isEnabled(ruleId: string, env: CheckEnvironment): boolean {
  const rule = env.registry.get(ruleId);
  if (rule === undefined || (env.skipWorkspaceRules && 'scope' in rule && rule.scope === 'workspace')) return false;
  return effectiveRule(rule, env.settings).severity !== 'off';
}

function firstLine(file: ParsedFile): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: file.lines.lineText(0).length } };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
