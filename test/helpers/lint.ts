/**
 * The one assertion helper for every rule test: lint inline text as a given path, then compare
 * findings by rule, exact range and the source token the range covers.
 */
import assert from 'node:assert/strict';
import { Linter } from '../../server/src/engine/linter';
import type { RuleSettings } from '../../server/src/engine/config';
import type { AnyRule, Finding, Host, Severity } from '../../server/src/engine/types';
import { fixesFor } from '../../server/src/fixes';
import { stripSnippet } from '../../server/src/fixes/snippet-text';
import type { QuickFix, TextEdit } from '../../server/src/fixes/types';
import { registry } from '../../server/src/rules';

export interface LintOptions {
  /** Other files of the workspace (cross-file rules) and of the host (`.dockerignore`, config files). */
  files?: Record<string, string>;
  settings?: RuleSettings;
  languageId?: string;
}

/** Lint `text` as if saved at `path` (absolute, e.g. `/repo/Dockerfile`). */
export function lint(path: string, text: string, options: LintOptions = {}): Finding[] {
  const files = { ...(options.files ?? {}), [path]: text };
  const host: Host = {
    readFile: (p) => files[p],
    exists: (p) => p in files || Object.keys(files).some((f) => f.startsWith(`${p.replace(/\/$/, '')}/`)),
  };
  const linter = new Linter(registry, host);
  for (const [p, t] of Object.entries(files)) linter.workspace.set(p, t, p === path ? options.languageId : undefined);
  return linter.lint(path, options.settings).findings;
}

/** `line:col-line:col` (1-based, end exclusive) and the exact source text the range covers. */
export function describe(finding: Finding, text: string): { at: string; token: string } {
  const lines = text.split(/\r?\n/);
  const { start, end } = finding.range;
  const at = `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
  const token =
    start.line === end.line
      ? (lines[start.line] ?? '').slice(start.character, end.character)
      : [
          lines[start.line].slice(start.character),
          ...lines.slice(start.line + 1, end.line),
          lines[end.line].slice(0, end.character),
        ].join('\n');
  return { at, token };
}

/** The findings of one rule as `{ at, token }`, for `deepEqual` against a table's expectations. */
export function findingsOf(
  ruleId: string,
  path: string,
  text: string,
  options?: LintOptions,
): Array<{ at: string; token: string }> {
  return lint(path, text, options)
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => describe(finding, text));
}

/** One expected finding: its exact token, or its place too; `severity` when it differs from the case's. */
export type WantedFinding = string | { at: string; token: string; severity?: Severity };

export interface RuleCase {
  name: string;
  path?: string;
  text: string;
  /** Expected findings of the rule under test: the exact tokens, or `{ at, token }` when the place matters. */
  want: WantedFinding[];
  /** The severity every finding of this case must have; default: the rule's, as the case's settings make it. */
  severity?: Severity;
  options?: LintOptions;
}

/**
 * Table-driven check for one rule: each case lists exactly the findings it must produce (none for
 * look-alikes), and each finding must have the expected severity, so that a rule that softens or
 * hardens a finding by mistake fails its table.
 */
export function checkCases(
  ruleId: string,
  defaultPath: string,
  cases: readonly RuleCase[],
  test: (name: string, fn: () => void) => unknown,
): void {
  const rule = registry.get(ruleId);
  assert.ok(rule, `${ruleId} is a registered rule`);
  for (const testCase of cases) {
    test(testCase.name, () => {
      const path = testCase.path ?? defaultPath;
      const findings = lint(path, testCase.text, testCase.options).filter((finding) => finding.ruleId === ruleId);
      const found = findings.map((finding) => describe(finding, testCase.text));
      const wantsPlaces = testCase.want.some((w) => typeof w !== 'string');
      const actual = wantsPlaces
        ? found.map((place, i) => withSeverity(place, findings[i].severity, testCase.want[i]))
        : found.map((f) => f.token);
      assert.deepEqual(actual, testCase.want, `findings of ${ruleId}:\n${JSON.stringify(found, null, 2)}`);
      const caseSeverity = testCase.severity ?? configuredSeverity(rule, testCase.options?.settings);
      findings.forEach((finding, i) => {
        const wanted = testCase.want[i];
        const expected = (typeof wanted === 'object' && wanted.severity) || caseSeverity;
        assert.equal(finding.severity, expected, `severity of ${ruleId} at ${found[i].at} (${found[i].token})`);
      });
    });
  }
}

/** Keeps a `severity` in the actual place only where the table names one, so the deepEqual compares like with like. */
function withSeverity(place: { at: string; token: string }, severity: Severity, wanted: WantedFinding | undefined) {
  return typeof wanted === 'object' && wanted.severity !== undefined ? { ...place, severity } : place;
}

function configuredSeverity(rule: AnyRule, settings: RuleSettings | undefined): Severity {
  const configured = settings?.[rule.id]?.severity;
  return configured && configured !== 'off' ? configured : rule.defaultSeverity;
}

/** Apply the edits of one quick fix (chosen by title) to the text and return the result. */
export function applyFix(
  path: string,
  text: string,
  ruleId: string,
  titleIncludes: string,
  options?: LintOptions,
): string {
  const finding = lint(path, text, options).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `expected a ${ruleId} finding to fix`);
  const linter = new Linter(registry, { readFile: () => undefined, exists: () => false });
  linter.workspace.set(path, text, options?.languageId);
  const file = linter.workspace.parsed(path);
  assert.ok(file);
  const fix = fixesFor(finding, file).find((f) => f.title.includes(titleIncludes));
  assert.ok(
    fix,
    `no fix titled "${titleIncludes}" among: ${fixesFor(finding, file)
      .map((f) => f.title)
      .join(' | ')}`,
  );
  return applyEdits(text, fix.snippet ? fix.edits.map(withoutSnippets) : fix.edits);
}

export function fixTitles(path: string, text: string, ruleId: string, options?: LintOptions): string[] {
  const finding = lint(path, text, options).find((f) => f.ruleId === ruleId);
  if (!finding) return [];
  const linter = new Linter(registry, { readFile: () => undefined, exists: () => false });
  linter.workspace.set(path, text);
  return fixesFor(finding, linter.workspace.parsed(path)!).map((fix: QuickFix) => fix.title);
}

/** Apply non-overlapping edits, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted)
    result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** A snippet's text as an editor without snippet support inserts it: placeholders become their defaults. */
export function withoutSnippets(edit: TextEdit): TextEdit {
  return { ...edit, newText: stripSnippet(edit.newText) };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
