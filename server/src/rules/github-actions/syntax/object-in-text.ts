/**
 * An object, an array or null written into text (`run: echo "${{ github.event }}"`): GitHub does not
 * put its content there (objects and arrays do not become JSON, null becomes nothing), so the text
 * silently lacks what was meant. `toJSON(...)` writes the content. Reported (warning) by `github-actions/syntax`.
 * Only the values whose type is known from the name alone are judged: whole contexts, `github.event`,
 * a step's or needed job's record and outputs, `.*` filters and `null`.
 */
import { isCollection, isPair, isScalar, type Pair } from 'yaml';
import type { GitHubActionsFile, Report } from '../../../engine/types';
import { findExpressions } from '../model/expressions';

const OBJECT_VALUED = [
  /^(github|env|vars|secrets|steps|needs|inputs|matrix|strategy|runner|job|jobs)$/,
  /^github\.event$/,
  /^(steps|needs)\.[\w-]+(\.outputs)?$/,
  /^job\.(container|services)$/,
  /\.\*(\.|$)/,
  /^null$/,
];

export function objectInTextProblems(file: GitHubActionsFile): Report[] {
  const document = file.documents[0];
  if (!document) return [];
  const reports: Report[] = [];
  const pairText = (pair: Pair): void => {
    const value = pair.value;
    if (!isScalar(value) || typeof value.value !== 'string' || !value.range) return;
    const [start, end] = value.range;
    const source = file.text.slice(start, end);
    const expressions = findExpressions(source);
    // A value that is one whole expression passes the object on (`env: ${{ matrix.env }}`).
    if (expressions.length === 0 || value.value.trim() === expressions[0].text) return;
    for (const expression of expressions) {
      const inner = expression.text.slice(3, -2).trim().replace(/\s+/g, '').toLowerCase();
      // Only a bare name or path: inside a call or a comparison the value is used, not written out.
      if (!/^[\w.*-]+$/.test(inner) || !OBJECT_VALUED.some((pattern) => pattern.test(inner))) continue;
      reports.push({
        range: file.lines.range(start + expression.start, start + expression.end),
        severity: 'warning',
        message:
          inner === 'null'
            ? 'null written into text is an empty string: write nothing, or the value meant.'
            : `${inner} is ${inner.includes('*') ? 'an array' : 'an object'}: written into text it does not become its content. Use toJSON(${inner}), or name the property meant.`,
      });
    }
  };
  // Every pair, depth first and its key before its value, as yaml's `visit` goes (a walk of our own
  // costs several times less per node, on every keystroke).
  const walk = (node: unknown): void => {
    if (isCollection(node)) for (const item of node.items) walk(item);
    else if (isPair(node)) {
      // An `if:` is one expression, not text; a key is a name.
      if (isScalar(node.key) && node.key.value === 'if') return;
      pairText(node);
      walk(node.key);
      walk(node.value);
    }
  };
  walk(document.contents);
  return reports;
}
