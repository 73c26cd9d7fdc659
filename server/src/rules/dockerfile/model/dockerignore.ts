/** `.dockerignore` matching with BuildKit's semantics: last matching pattern wins, `!` re-includes, a matched folder excludes all below it. */
import picomatch from 'picomatch';

export interface IgnorePattern {
  pattern: string;
  negated: boolean;
  line: number;
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    let pattern = raw.trim();
    if (pattern === '' || pattern.startsWith('#')) return;
    const negated = pattern.startsWith('!');
    if (negated) pattern = pattern.slice(1).trim();
    pattern = pattern.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
    if (pattern !== '' && pattern !== '.') patterns.push({ pattern, negated, line });
  });
  return patterns;
}

/** The pattern that excludes a context path, or undefined when the path is sent to the builder. */
export function excludedBy(patterns: readonly IgnorePattern[], path: string): IgnorePattern | undefined {
  const clean = path.replace(/^(\.\/|\/)+/, '').replace(/\/+$/, '');
  if (clean === '' || clean === '.') return undefined;
  const parts = clean.split('/');
  let verdict: IgnorePattern | undefined;
  for (const pattern of patterns) {
    // A pattern that matches a parent folder excludes everything inside it.
    const matches = parts.some((_, i) =>
      picomatch.isMatch(parts.slice(0, i + 1).join('/'), pattern.pattern, { dot: true }),
    );
    if (matches) verdict = pattern.negated ? undefined : pattern;
  }
  // `dist` excluded but `!dist/index.js` re-included: the folder is still sent, with that file in it.
  if (verdict && patterns.some((p) => p.negated && p.line > verdict!.line && p.pattern.startsWith(`${clean}/`)))
    return undefined;
  return verdict;
}
