/** `${{ … }}` expressions inside a piece of source text, with offsets relative to it. */
export interface ExpressionMatch {
  text: string;
  start: number;
  end: number;
}

export function findExpressions(source: string): ExpressionMatch[] {
  const matches: ExpressionMatch[] = [];
  let from = 0;
  for (;;) {
    const start = source.indexOf('${{', from);
    if (start < 0) break;
    const close = source.indexOf('}}', start + 3);
    if (close < 0) break;
    matches.push({ text: source.slice(start, close + 2), start, end: close + 2 });
    from = close + 2;
  }
  return matches;
}

export interface ContextPath {
  /** Normalised: `github.event.commits[0].message` becomes `github.event.commits.*.message`. */
  path: string;
  start: number;
  end: number;
}

const CONTEXT_REFERENCE = /\b[a-z_][\w-]*(?:\s*\.\s*[\w*-]+|\s*\[\s*(?:'[^']*'|"[^"]*"|\d+|\*)\s*\])+/gi;

/** Property paths in an expression (`github.event.issue.title`), with offsets within the expression. */
export function contextPaths(expression: string): ContextPath[] {
  const paths: ContextPath[] = [];
  // Blank out string literals so a path-looking string ('github.event.issue.title') is not taken for one;
  // keep those that index a property (`github.event['issue']`).
  const code = expression.replace(/(?<!\[\s*)'(?:[^']|'')*'/g, (literal) => ' '.repeat(literal.length));
  for (const match of code.matchAll(CONTEXT_REFERENCE)) {
    const raw = expression.slice(match.index, match.index + match[0].length);
    paths.push({ path: normalizePath(raw), start: match.index, end: match.index + match[0].length });
  }
  return paths;
}

function normalizePath(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/\[(\d+|\*)\]/g, '.*')
    .replace(/\[['"]([^'"]*)['"]\]/g, '.$1')
    .toLowerCase();
}

/**
 * Whether a path matches one of the patterns, where `*` (in either) stands for one segment. The patterns
 * are split once: this runs for every context of every expression in every script, on each keystroke.
 */
export function contextMatcher(patterns: readonly string[]): (path: string) => boolean {
  const split = patterns.map((pattern) => pattern.split('.'));
  return (path) => {
    const a = path.split('.');
    return split.some(
      (b) => a.length === b.length && b.every((segment, i) => segment === '*' || a[i] === '*' || segment === a[i]),
    );
  };
}
