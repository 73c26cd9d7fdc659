/** Splitting the argument list of a call in a GitHub expression, minding strings and nesting. */

/**
 * The top-level arguments of the call whose `(` ends just before `from`, as source text, or undefined
 * when the call is not closed.
 */
export function callArguments(expression: string, from: number): string[] | undefined {
  const args: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = from; i < expression.length; i++) {
    const char = expression[i];
    if (char === "'") {
      // A string literal, with '' standing for one quote.
      let end = i + 1;
      while (end < expression.length && !(expression[end] === "'" && expression[end + 1] !== "'"))
        end += expression[end] === "'" ? 2 : 1;
      current += expression.slice(i, end + 1);
      i = end;
      continue;
    }
    if (char === '(' || char === '[') depth++;
    if ((char === ')' || char === ']') && depth > 0) depth--;
    else if (char === ')') {
      if (current.trim() !== '' || args.length > 0) args.push(current.trim());
      return args;
    } else if (char === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  return undefined;
}

/** The value of an argument that is one string literal (`'a''b'` is a'b), else undefined. */
export function stringLiteral(argument: string): string | undefined {
  const match = /^'((?:[^']|'')*)'$/.exec(argument);
  return match ? match[1].replace(/''/g, "'") : undefined;
}
