/**
 * The schema problems of list items (a container, a port, an env entry) kept from a file's previous check,
 * by the item's text: typing in one field of a 2,000-line Deployment leaves its other 85 containers as
 * they were, and their problems need not be worked out again (issue 16: edit → diagnostics).
 *
 * Exact because an item's problems are a function of its text alone: the validator reads the item's own
 * nodes (aliases and merge keys are not followed), positions come from the same text, and the key holds
 * the item's lines from the start of its first line (so its indentation too), the type it is checked as,
 * its field name and the validation context. Documents with YAML directives (`%YAML 1.1`, `%TAG`), which
 * change what a value reads as, are not kept. Problems are kept with lines counted from the item's first
 * line: characters are the same on each line of the same text.
 */
import type { Document, Node } from 'yaml';
import type { LineIndex } from '../../../engine/line-index';
import type { Range } from '../../../engine/types';

/** A problem the schema validator reports. */
export interface SchemaProblem {
  range: Range;
  message: string;
  /** For the rename quick fix: the unknown field and the known one it most likely means. */
  data?: { field: string; suggestion: string };
}

/** Items shorter than this are checked again: building their key would cost about as much as the check. */
const SMALLEST_KEPT = 200;
/** Files whose items are kept: the ones being typed in. A batch run passes through many, keeping few. */
const FILES_KEPT = 4;

export class ItemMemo {
  private previous = new Map<string, SchemaProblem[]>();
  private current = new Map<string, SchemaProblem[]>();

  /**
   * Adds to `problems` those of `item` (a mapping with a range): kept ones when its text was checked
   * before, else what `check` finds, which is kept for next time. `key` names how the item is checked.
   */
  problems(
    lines: LineIndex,
    item: Node,
    key: string,
    problems: SchemaProblem[],
    check: (into: SchemaProblem[]) => void,
  ): void {
    const [start, , end] = item.range!;
    const firstLine = lines.positionAt(start).line;
    const from = lines.lineStart(firstLine);
    if (end - from < SMALLEST_KEPT) return check(problems);
    const fullKey = `${key}\0${lines.text.slice(from, end)}`;
    const kept = this.current.get(fullKey) ?? this.previous.get(fullKey);
    if (kept) {
      this.current.set(fullKey, kept);
      for (const problem of kept) problems.push(moved(problem, firstLine));
      return;
    }
    const found: SchemaProblem[] = [];
    check(found);
    problems.push(...found);
    const lastLine = lines.positionAt(end).line;
    // Every problem of an item lies within it; one that did not could not be moved with it.
    if (found.every(({ range }) => range.start.line >= firstLine && range.end.line <= lastLine))
      this.current.set(
        fullKey,
        found.map((problem) => moved(problem, -firstLine)),
      );
  }

  /** The check of the file is over: what it used is kept for the next one, the rest dropped. */
  finish(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

function moved(problem: SchemaProblem, lines: number): SchemaProblem {
  const { range, data } = problem;
  return {
    ...problem,
    range: {
      start: { line: range.start.line + lines, character: range.start.character },
      end: { line: range.end.line + lines, character: range.end.character },
    },
    data: data && { ...data },
  };
}

const memos = new Map<string, ItemMemo>();

/** The memo of a file's items, by path; only the files checked most recently keep theirs. */
export function itemMemoFor(path: string): ItemMemo {
  const memo = memos.get(path) ?? new ItemMemo();
  memos.delete(path);
  memos.set(path, memo);
  for (const oldest of memos.keys()) {
    if (memos.size <= FILES_KEPT) break;
    memos.delete(oldest);
  }
  return memo;
}

/** For tests comparing a check with a fresh one: nothing kept. */
export function forgetItemMemos(): void {
  memos.clear();
}

/** Whether a document's values read as the default (YAML 1.2 core schema, no tag directives) would. */
export function hasDefaultDirectives(document: Document.Parsed): boolean {
  const tags = Object.entries(document.directives?.tags ?? {});
  return (
    document.schema.name === 'core' &&
    document.directives?.yaml.version === '1.2' &&
    tags.length === 1 &&
    tags[0][0] === '!!' &&
    tags[0][1] === 'tag:yaml.org,2002:'
  );
}
