/**
 * In-place suppressions: our own comments, and those of the tools users come from, mapped to our rules
 * through each rule's `aliases`. A finding is suppressed when a directive names its rule and covers its line.
 */
import type { LineIndex } from './line-index';
import type { Finding, ParsedFile, Range, RuleLookup } from './types';
import { entries, getIn, keyRange, nodeRange } from './yaml/nav';

export type DirectiveTool = 'shipshape' | 'hadolint' | 'zizmor' | 'kube-linter' | 'polaris' | 'buildkit' | 'shellcheck';

export interface RuleReference {
  /** As written: a rule id for our own comments, the tool's check name otherwise. */
  name: string;
  range: Range;
  /** Our rule ids this name stands for (empty when unknown). */
  ruleIds: string[];
}

export interface Directive {
  tool: DirectiveTool;
  references: RuleReference[];
  /** Zero-based, inclusive lines the directive covers; undefined means the whole file. */
  lines?: { first: number; last: number };
  /** `all` suppresses every rule (kube-linter's ignore-all, Polaris' exempt). */
  all?: boolean;
  range: Range;
}

/** A problem with a directive itself, reported as `shipshape/unused-suppression`. */
export interface DirectiveProblem {
  range: Range;
  message: string;
}

const SHIPSHAPE = /#\s*shipshape-ignore(-file)?\b(.*)$/;
const HADOLINT = /#\s*hadolint\s+(global\s+)?ignore\s*=\s*([\w\s,-]*)/i;
const ZIZMOR = /#\s*zizmor\s*:\s*ignore\[([^\]]*)\]/i;
/** ShellCheck's own directive, written above a RUN or a `run:` (inside a script ShellCheck reads it itself). */
const SHELLCHECK = /#\s*shellcheck\s+disable\s*=\s*([\w\s,-]*)/i;

export function collectDirectives(
  file: ParsedFile,
  registry: RuleLookup,
): { directives: Directive[]; problems: DirectiveProblem[] } {
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  const { lines } = file;
  // Only a line with a `#` can hold a comment: the others are not looked at (issue 16: this ran per keystroke).
  for (let hashAt = file.text.indexOf('#'); hashAt >= 0;) {
    const line = lines.positionAt(hashAt).line;
    hashAt = line + 1 < lines.lineCount ? file.text.indexOf('#', lines.lineStart(line + 1)) : -1;
    const text = lines.lineText(line);
    const hash = commentStart(text, file.kind === 'dockerfile');
    if (hash < 0) continue;
    const comment = text.slice(hash);
    const base = lines.lineStart(line) + hash;
    const covered = () => coveredLines(file, line, hash);

    const ours = SHIPSHAPE.exec(comment);
    if (ours) {
      const listText = ours[2].split(/\s--(\s|$)/)[0];
      const listOffset = base + ours.index + ours[0].length - ours[2].length;
      const references = splitNames(listText, listOffset, lines).map((ref) => ({
        ...ref,
        ruleIds: registry.has(ref.name) ? [ref.name] : [],
      }));
      const range = lines.range(base, lines.lineStart(line) + text.length);
      if (references.length === 0) {
        problems.push({ range, message: 'This shipshape-ignore names no rule: list the rule ids it suppresses.' });
        continue;
      }
      directives.push({ tool: 'shipshape', references, lines: ours[1] ? undefined : covered(), range });
      continue;
    }
    const hadolint = HADOLINT.exec(comment);
    if (hadolint && file.kind === 'dockerfile') {
      const listOffset = base + hadolint.index + hadolint[0].length - hadolint[2].length;
      directives.push({
        tool: 'hadolint',
        references: foreign(splitNames(hadolint[2], listOffset, lines), 'hadolint', registry),
        lines: hadolint[1] ? undefined : covered(),
        range: lines.range(base, base + comment.length),
      });
      continue;
    }
    const shellcheck = SHELLCHECK.exec(comment);
    if (shellcheck && (file.kind === 'dockerfile' || file.kind === 'github-actions')) {
      const listOffset = base + shellcheck.index + shellcheck[0].length - shellcheck[1].length;
      directives.push({
        tool: 'shellcheck',
        references: foreign(splitNames(shellcheck[1], listOffset, lines), 'shellcheck', registry),
        lines: covered(),
        range: lines.range(base, base + comment.length),
      });
      continue;
    }
    const zizmor = ZIZMOR.exec(comment);
    if (zizmor && file.kind === 'github-actions') {
      const listOffset = base + zizmor.index + zizmor[0].indexOf('[') + 1;
      directives.push({
        tool: 'zizmor',
        references: foreign(splitNames(zizmor[1], listOffset, lines), 'zizmor', registry),
        lines: covered(),
        range: lines.range(base, base + comment.length),
      });
    }
  }
  if (file.kind === 'kubernetes') directives.push(...annotationDirectives(file, registry));
  if (file.kind === 'dockerfile') directives.push(...buildkitCheckDirectives(file, registry));
  return { directives, problems };
}

export function isSuppressed(finding: Finding, directive: Directive): RuleReference | 'all' | undefined {
  if (directive.lines) {
    const line = finding.range.start.line;
    if (line < directive.lines.first || line > directive.lines.last) return undefined;
  }
  if (directive.all) return 'all';
  return directive.references.find((ref) => ref.ruleIds.includes(finding.ruleId));
}

/**
 * Where a `#` comment starts on a line, or -1. In YAML a `#` opens a comment only at the start or after
 * white space, outside quotes; in a Dockerfile only a line whose first non-blank character is `#` is a comment.
 */
function commentStart(text: string, dockerfile: boolean): number {
  if (dockerfile) {
    const match = /^\s*#/.exec(text);
    return match ? match[0].length - 1 : -1;
  }
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      if (i === 0 || /[\s:[{,-]/.test(text[i - 1])) quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      return i;
    }
  }
  return -1;
}

/**
 * A comment alone on its line covers the statement below it; a trailing comment covers its own line.
 * A statement is a Dockerfile instruction with its continuation lines, or a YAML line with the block
 * indented under it (so a comment above `- uses:` or `run: |` covers the whole step or script).
 */
function coveredLines(file: ParsedFile, commentLine: number, hash: number): { first: number; last: number } {
  const { lines } = file;
  const ownLine = lines.lineText(commentLine).slice(0, hash).trim() === '';
  let target = commentLine;
  if (ownLine) {
    target = commentLine + 1;
    while (target < lines.lineCount && isBlankOrComment(lines.lineText(target))) target++;
    if (target >= lines.lineCount) return { first: commentLine, last: commentLine };
  }
  if (file.kind === 'dockerfile') {
    const instruction = file.dockerfile.getInstructions().find((i) => {
      const range = i.getRange();
      return range.start.line <= target && target <= range.end.line;
    });
    return instruction ? { first: target, last: instruction.getRange().end.line } : { first: target, last: target };
  }
  return { first: target, last: yamlBlockEnd(lines, target) };
}

function yamlBlockEnd(lines: LineIndex, start: number): number {
  const indent = indentation(lines.lineText(start));
  let last = start;
  for (let line = start + 1; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    if (text.trim() === '') continue;
    if (indentation(text) <= indent && !text.trimStart().startsWith('#')) break;
    last = line;
  }
  return last;
}

function indentation(text: string): number {
  return text.length - text.trimStart().length;
}

function isBlankOrComment(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

/** Split `a, b c` into names with their exact ranges. */
function splitNames(list: string, offset: number, lines: LineIndex): Omit<RuleReference, 'ruleIds'>[] {
  const names: Omit<RuleReference, 'ruleIds'>[] = [];
  for (const match of list.matchAll(/[^\s,]+/g)) {
    const start = offset + (match.index ?? 0);
    names.push({ name: match[0], range: lines.range(start, start + match[0].length) });
  }
  return names;
}

function foreign(names: Omit<RuleReference, 'ruleIds'>[], tool: DirectiveTool, registry: RuleLookup): RuleReference[] {
  return names.map((ref) => ({ ...ref, ruleIds: registry.byToolAlias(tool, ref.name).map((rule) => rule.id) }));
}

/**
 * kube-linter's `ignore-check.kube-linter.io/<check>` and Polaris' `polaris.fairwinds.com/<check>-exempt`
 * annotations exempt the whole object they sit on.
 */
function annotationDirectives(file: Extract<ParsedFile, { kind: 'kubernetes' }>, registry: RuleLookup): Directive[] {
  const directives: Directive[] = [];
  for (const object of file.objects) {
    const objectRange = nodeRange(file.lines, object.node);
    if (!objectRange) continue;
    const lines = { first: objectRange.start.line, last: objectRange.end.line };
    for (const { key, pair } of entries(getIn(object.node, ['metadata', 'annotations']))) {
      const range = keyRange(file.lines, pair) ?? objectRange;
      const kubeLinter = /^ignore-check\.kube-linter\.io\/(.+)$/.exec(key);
      const polaris = /^polaris\.fairwinds\.com\/(.+)-exempt$/.exec(key);
      if (kubeLinter) {
        directives.push({
          tool: 'kube-linter',
          references: foreign([{ name: kubeLinter[1], range }], 'kube-linter', registry),
          lines,
          range,
        });
      } else if (key === 'kube-linter.io/ignore-all') {
        directives.push({ tool: 'kube-linter', references: [], all: true, lines, range });
      } else if (polaris && String(pair.value && 'value' in pair.value ? pair.value.value : '') === 'true') {
        directives.push({
          tool: 'polaris',
          references: foreign([{ name: polaris[1], range }], 'polaris', registry),
          lines,
          range,
        });
      } else if (key === 'polaris.fairwinds.com/exempt') {
        directives.push({ tool: 'polaris', references: [], all: true, lines, range });
      }
    }
  }
  return directives;
}

/**
 * BuildKit's `# check=skip=JSONArgsRecommended,UndefinedVar` parser directive (or `skip=all`) turns checks off
 * for the whole file. Parser directives only count at the very top, before any other comment or instruction.
 */
function buildkitCheckDirectives(file: ParsedFile, registry: RuleLookup): Directive[] {
  const directives: Directive[] = [];
  for (let line = 0; line < file.lines.lineCount; line++) {
    const text = file.lines.lineText(line);
    const directive = /^\s*#\s*([a-zA-Z]+)\s*=\s*(.*?)\s*$/.exec(text);
    if (!directive) break;
    if (directive[1].toLowerCase() !== 'check') continue;
    const skip = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(directive[2]);
    if (!skip) continue;
    const listOffset =
      file.lines.lineStart(line) + text.indexOf(directive[2]) + (skip.index ?? 0) + skip[0].indexOf(skip[1]);
    const range = file.lines.range(file.lines.lineStart(line), file.lines.lineStart(line) + text.length);
    const names = splitNames(skip[1], listOffset, file.lines);
    if (names.some((name) => name.name.toLowerCase() === 'all')) {
      const ruleIds = registry.all
        .filter((rule) => rule.aliases.some((alias) => alias.startsWith('buildkit:')))
        .map((rule) => rule.id);
      directives.push({ tool: 'buildkit', references: names.map((name) => ({ ...name, ruleIds })), range });
    } else {
      directives.push({ tool: 'buildkit', references: foreign(names, 'buildkit', registry), range });
    }
  }
  return directives;
}
