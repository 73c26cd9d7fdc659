/**
 * Mistakes in GitHub's filter patterns (branches, tags, paths), which GitHub does not report: a
 * broken pattern simply never matches, so the workflow silently stops running. The syntax is the
 * "filter pattern cheat sheet" of GitHub's workflow syntax docs: `*`, `**`, `?` and `+` repeat the
 * preceding character, `[...]` matches one character or a range, `!` negates, `\` escapes.
 */

export interface GlobProblem {
  /** Index in the pattern of the offending character; undefined when the whole pattern is wrong. */
  index?: number;
  message: string;
}

/** `ref` patterns name branches or tags, so Git's ref-name rules apply too (`man git-check-ref-format`). */
export type GlobKind = 'ref' | 'path' | 'plain';

const REF_FORBIDDEN = new Set([' ', '\t', '~', '^', ':']);
const ESCAPABLE = new Set(['[', '?', '*', '+', '\\', '!']);

export function globProblems(pattern: string, kind: GlobKind): GlobProblem[] {
  if (kind === 'path') {
    if (pattern !== pattern.trim())
      return [{ message: 'leading or trailing whitespace is part of the path pattern, so it never matches' }];
    if (
      pattern
        .replace(/^!/, '')
        .split('/')
        .some((segment) => segment === '.' || segment === '..')
    )
      return [{ message: "path patterns are relative to the repository root: '.' and '..' segments never match" }];
  }
  return new GlobScanner(pattern, kind === 'ref').problems();
}

class GlobScanner {
  private position = 0;
  /** Whether the character before may be repeated by `?` or `+` (it is a literal, a class or an escape). */
  private repeatable = false;
  private readonly found: GlobProblem[] = [];

  constructor(
    private readonly pattern: string,
    private readonly isRef: boolean,
  ) {}

  problems(): GlobProblem[] {
    const { pattern } = this;
    if (pattern.startsWith('!')) {
      if (pattern.length === 1) return [{ index: 0, message: "'!' negates a pattern: a pattern must follow it" }];
      this.position = 1;
    } else if (this.isRef && pattern.startsWith('/')) {
      this.refChar(0, 'a branch or tag name cannot start with /');
      this.position = 1;
      this.repeatable = true;
    }
    while (this.position < pattern.length) this.step();
    const last = pattern[pattern.length - 1];
    if (this.isRef && pattern.length > 1 && (last === '/' || last === '.') && pattern[pattern.length - 2] !== '\\')
      this.refChar(pattern.length - 1, 'a branch or tag name cannot end with / or .');
    return this.found;
  }

  private step(): void {
    const at = this.position;
    const char = this.pattern[this.position++];
    switch (char) {
      case '\\':
        this.escape(at);
        return;
      case '?':
      case '+':
        if (!this.repeatable)
          this.problem(at, `'${char}' repeats the preceding character, which must not be a special character`);
        this.repeatable = false;
        return;
      case '*':
        this.repeatable = false;
        return;
      case '[':
        this.characterClass(at);
        this.repeatable = true;
        return;
      case '\n':
      case '\r':
        this.problem(at, 'a pattern cannot contain a line break');
        this.repeatable = true;
        return;
      default:
        if (this.isRef && REF_FORBIDDEN.has(char))
          this.refChar(at, 'a branch or tag name cannot contain spaces, ~, ^ or :');
        this.repeatable = true;
    }
  }

  private escape(at: number): void {
    const next = this.pattern[this.position];
    if (next !== undefined && ESCAPABLE.has(next)) this.position++;
    // Outside refs a backslash is an ordinary path character (`foo\bar` is a valid file name).
    else if (this.isRef)
      this.refChar(at, 'only [, ?, +, *, \\ and ! can be escaped with \\ (regular expressions are not supported)');
    this.repeatable = true;
  }

  private characterClass(open: number): void {
    const { pattern } = this;
    if (pattern[this.position] === ']') {
      this.problem(this.position++, "'[]' matches nothing: a character class needs at least one character");
      return;
    }
    let members = 0;
    while (this.position < pattern.length) {
      const char = pattern[this.position++];
      if (char === ']') {
        if (members === 1)
          this.problem(open, `'${pattern.slice(open, this.position)}' is one character: write it without the brackets`);
        return;
      }
      if (pattern[this.position] !== '-') {
        members++;
        continue;
      }
      members += 2;
      this.position++;
      const end = pattern[this.position];
      if (end === ']') {
        this.problem(this.position, `the range '${char}-' in '[...]' has no end`);
        this.position++;
        return;
      }
      if (end === undefined) break;
      this.position++;
      if (char > end)
        this.problem(this.position - 1, `the range '${char}-${end}' is reversed: '${char}' comes after '${end}'`);
    }
    this.problem(open, "'[' opens a character class that is never closed with ']'");
  }

  private refChar(index: number, why: string): void {
    this.problem(index, `'${this.pattern[index]}' cannot be in a branch or tag name: ${why}`);
  }

  private problem(index: number, message: string): void {
    this.found.push({ index, message });
  }
}
