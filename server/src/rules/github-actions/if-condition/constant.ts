/**
 * Whether an expression's value is fixed when the file is written: it reads no context and calls only
 * functions whose result depends on their arguments alone. Status functions (`success()`, `always()`…)
 * and `hashFiles()` depend on the run, so they are not constant.
 */
const LITERALS = new Set(['true', 'false', 'null', 'nan', 'infinity']);
const PURE_FUNCTIONS = new Set(['contains', 'startswith', 'endswith', 'format', 'join', 'tojson', 'fromjson']);

export function isConstantExpression(expression: string): boolean {
  // String literals (with '' as an escaped quote) cannot name a context; a quote left is an unclosed one.
  const code = expression.replace(/'(?:[^']|'')*'/g, '0');
  if (code.trim() === '' || code.includes("'")) return false;
  // Words not inside a number (`1e5`, `0xff`) or a property path (`a.b`).
  for (const match of code.matchAll(/(?<![\w.])[A-Za-z_][\w-]*/g)) {
    const word = match[0].toLowerCase();
    if (LITERALS.has(word)) continue;
    const isCall = /^\s*\(/.test(code.slice(match.index + match[0].length));
    if (isCall && PURE_FUNCTIONS.has(word)) continue;
    return false;
  }
  return true;
}
