/** Dockerfile variable substitution (`$NAME`, `${NAME}`, `${NAME:-default}`, `${NAME:+alt}`), as BuildKit does it. */

/** Every substitution in a text, with offsets, name and whether it carries its own fallback. */
export interface VariableUse {
  name: string;
  start: number;
  end: number;
  nameStart: number;
  /** `${A:-x}`, `${A-x}` and `${A:+x}` never fail on an undefined variable. */
  hasFallback: boolean;
  fallback?: string;
}

const SUBSTITUTION = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function variableUses(text: string, escapeChar = '\\'): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const match of text.matchAll(SUBSTITUTION)) {
    const start = match.index ?? 0;
    if (start > 0 && text[start - 1] === escapeChar) continue; // `\$HOME` is a literal dollar
    const name = match[1] ?? match[4];
    const operator = match[2];
    uses.push({
      name,
      start,
      end: start + match[0].length,
      nameStart: start + (match[1] ? 2 : 1),
      hasFallback: operator !== undefined && !operator.endsWith('?'),
      fallback: operator?.endsWith('-') ? match[3] : undefined,
    });
  }
  return uses;
}

/** Substitute known values; undefined when a variable has neither a value nor a fallback. */
export function expandVariables(text: string, values: ReadonlyMap<string, string | undefined>): string | undefined {
  if (!text.includes('$')) return text;
  let result = '';
  let last = 0;
  for (const use of variableUses(text)) {
    const value = values.get(use.name) ?? use.fallback;
    if (value === undefined && !use.hasFallback) return undefined;
    result += text.slice(last, use.start) + (value ?? '');
    last = use.end;
  }
  return result + text.slice(last);
}
