/**
 * `shipshape check --fix`: apply the automatic quick fixes (`QuickFix.automatic`) to one file's text.
 * Pure: text in, text out; the caller reads and writes files.
 *
 * Safe by construction:
 * - fixes whose edits overlap are never applied together: each round takes the fixes whose edits are
 *   disjoint, applies them, checks the file again and starts the next round from the new findings;
 * - after a round the file is checked again; if it gained a syntax (or schema) finding, or a finding of
 *   the rule a fix was for that it did not have, the round is undone and its fixes are tried one by one,
 *   and a fix that fails on its own is rolled back and reported;
 * - edits are spliced into the original text: line endings (`\r\n` stays `\r\n`), a BOM, indentation and
 *   comments outside the edited range stay as they were.
 */
import { LineIndex } from '../../engine/line-index';
import type { Linter } from '../../engine/linter';
import type { Finding, ParsedFile } from '../../engine/types';
import { fixesFor } from '../../fixes';
import type { QuickFix, TextEdit } from '../../fixes/types';

export interface AppliedFix {
  rule: string;
  title: string;
  /** 1-based line of the finding in the text the fix was applied to. */
  line: number;
}

export interface RolledBackFix extends AppliedFix {
  reason: string;
}

export interface FixOutcome {
  text: string;
  applied: AppliedFix[];
  rolledBack: RolledBackFix[];
}

const MAX_ROUNDS = 100;
/** Findings that mean the file no longer reads as what it was: a fix must never add one. */
const BROKEN = /\/(syntax|schema|internal-error)$/;

interface Candidate {
  finding: Finding;
  fix: QuickFix;
  key: string;
}

type FixSource = (finding: Finding, file: ParsedFile) => QuickFix[];

/**
 * The automatic fixes of `path` applied to `text` in rounds; `linter` must already hold the workspace.
 * `fixes` is the registry (tests pass misbehaving fixes to see them rolled back).
 */
export function applyAutomaticFixes(
  linter: Linter,
  path: string,
  text: string,
  fixes: FixSource = fixesFor,
): FixOutcome {
  const outcome: FixOutcome = { text, applied: [], rolledBack: [] };
  const rejected = new Set<string>();
  let current = lintAt(linter, path, text);
  for (let round = 0; round < MAX_ROUNDS && current; round++) {
    const candidates = automaticFixes(current.findings, current.file, fixes).filter((c) => !rejected.has(c.key));
    if (candidates.length === 0) break;
    const chosen = disjoint(candidates, outcome.text);
    let batch = chosen;
    let next = tryFixes(linter, path, outcome.text, current.findings, batch);
    if (typeof next === 'string' && batch.length > 1) {
      // Some fix in the round misbehaves: try the first one alone, the others come back next round.
      batch = [chosen[0]];
      next = tryFixes(linter, path, outcome.text, current.findings, batch);
    }
    if (typeof next === 'string') {
      rejected.add(batch[0].key);
      outcome.rolledBack.push({ ...describe(batch[0]), reason: next });
      linter.workspace.set(path, outcome.text);
      continue;
    }
    outcome.applied.push(...batch.map(describe));
    outcome.text = next.text;
    current = next.state;
  }
  linter.workspace.set(path, outcome.text);
  return outcome;
}

interface LintState {
  findings: Finding[];
  file: ParsedFile;
}

function lintAt(linter: Linter, path: string, text: string): LintState | undefined {
  linter.workspace.set(path, text);
  const result = linter.lint(path);
  return result.file ? { findings: result.findings, file: result.file } : undefined;
}

function automaticFixes(findings: readonly Finding[], file: ParsedFile, fixes: FixSource): Candidate[] {
  const candidates: Candidate[] = [];
  for (const finding of findings) {
    const fix = fixes(finding, file).find((f) => f.automatic === true && !f.snippet && !f.createFiles?.length);
    if (fix && fix.edits.length > 0) candidates.push({ finding, fix, key: `${finding.ruleId}\u0000${fix.title}` });
  }
  return candidates;
}

/** The candidates whose edits touch no range another chosen fix touches (insertions at one point overlap). */
function disjoint(candidates: readonly Candidate[], text: string): Candidate[] {
  const lines = new LineIndex(text);
  const taken: Array<[number, number]> = [];
  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const spans = candidate.fix.edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)]);
    // Two findings may get the very same fix (one edit for both): apply it once.
    const signature = JSON.stringify(candidate.fix.edits);
    if (seen.has(signature)) continue;
    if (spans.some(([s, e]) => taken.some(([ts, te]) => s <= te && ts <= e))) continue;
    seen.add(signature);
    taken.push(...(spans as Array<[number, number]>));
    chosen.push(candidate);
  }
  return chosen;
}

/** The fixed text and its findings, or why the fixes must be rolled back. */
function tryFixes(
  linter: Linter,
  path: string,
  text: string,
  before: readonly Finding[],
  batch: readonly Candidate[],
): { text: string; state: LintState } | string {
  const fixed = applyEdits(
    text,
    batch.flatMap((c) => c.fix.edits),
  );
  const state = lintAt(linter, path, fixed);
  if (!state) return 'the file is no longer recognised after the fix';
  const broken = newFindings(before, state.findings, (rule) => BROKEN.test(rule));
  if (broken) return `it would introduce ${broken}`;
  const rules = new Set(batch.map((c) => c.finding.ruleId));
  const own = newFindings(before, state.findings, (rule) => rules.has(rule));
  if (own) return `it would introduce a new finding: ${own}`;
  // A fix must remove its finding: one that only moves or repeats it would be applied round after round.
  for (const rule of rules) {
    const count = (findings: readonly Finding[]) => findings.filter((f) => f.ruleId === rule).length;
    if (count(state.findings) >= count(before)) return `it does not remove the ${rule} finding`;
  }
  if (fixed === text) return 'it changes nothing';
  return { text: fixed, state };
}

/** The first finding of `after` (among the selected rules) whose rule and message `before` has fewer of. */
function newFindings(
  before: readonly Finding[],
  after: readonly Finding[],
  selected: (rule: string) => boolean,
): string | undefined {
  const counts = new Map<string, number>();
  for (const f of before) if (selected(f.ruleId)) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  for (const f of after) {
    if (!selected(f.ruleId)) continue;
    const left = counts.get(key(f)) ?? 0;
    if (left === 0) return `${f.ruleId} at line ${f.range.start.line + 1}: ${f.message}`;
    counts.set(key(f), left - 1);
  }
  return undefined;
}

function key(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.message}`;
}

function describe(candidate: Candidate): AppliedFix {
  return {
    rule: candidate.finding.ruleId,
    title: candidate.fix.title,
    line: candidate.finding.range.start.line + 1,
  };
}

/**
 * Splice non-overlapping edits into `text`, last first so earlier offsets stay valid. Line breaks in the
 * new text take the file's own style, so a CRLF file stays CRLF.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const eol = /\r\n/.test(text) && !/(^|[^\r])\n/.test(text) ? '\r\n' : '\n';
  const placed = edits
    .map((edit) => ({
      start: lines.offsetAt(edit.range.start),
      end: lines.offsetAt(edit.range.end),
      newText: edit.newText.replace(/\r?\n/g, eol),
    }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const edit of placed) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
