/**
 * Every context reference (`steps.build.outputs.x`, `matrix.os`) in the expressions under a YAML node,
 * with exact source ranges. `if:` values are expressions even without `${{ }}`.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { GitHubActionsFile, Range } from '../../../engine/types';
import { contextPaths, findExpressions } from './expressions';

export interface ContextRef {
  /** Normalised, lower-cased path: `steps.build.outputs.digest`. */
  path: string;
  range: Range;
}

export function contextRefsUnder(
  file: GitHubActionsFile,
  node: unknown,
  skipKeys: readonly string[] = [],
): ContextRef[] {
  const refs: ContextRef[] = [];
  const visit = (current: unknown, key: string | undefined) => {
    if (isMap(current)) {
      for (const item of current.items) {
        if (!isPair(item)) continue;
        const name = isScalar(item.key) ? String(item.key.value) : undefined;
        if (name !== undefined && skipKeys.includes(name) && current === node) continue;
        visit(item.value, name);
      }
    } else if (isSeq(current)) {
      for (const item of current.items) visit(item, undefined);
    } else if (isScalar(current) && typeof current.value === 'string' && current.range) {
      refs.push(...keptScalarRefs(file, current as Node, key === 'if'));
    }
  };
  visit(node, undefined);
  return refs;
}

/**
 * Several checks walk the same parts of a workflow (the whole file, each job, its steps): each scalar's
 * references are found once per parse of the file, by the scalar and whether it is a condition.
 */
const refsByFile = new WeakMap<
  GitHubActionsFile,
  { condition: Map<Node, ContextRef[]>; other: Map<Node, ContextRef[]> }
>();

function keptScalarRefs(file: GitHubActionsFile, node: Node, isCondition: boolean): ContextRef[] {
  let kept = refsByFile.get(file);
  if (!kept) refsByFile.set(file, (kept = { condition: new Map(), other: new Map() }));
  const byNode = isCondition ? kept.condition : kept.other;
  let refs = byNode.get(node);
  if (!refs) byNode.set(node, (refs = scalarRefs(file, node, isCondition)));
  return refs;
}

function scalarRefs(file: GitHubActionsFile, node: Node, isCondition: boolean): ContextRef[] {
  const [start, end] = node.range ?? [0, 0];
  const source = file.text.slice(start, end);
  const expressions = findExpressions(source);
  // A bare `if:` condition is one expression; quotes around it are YAML's, not the expression's.
  if (expressions.length === 0 && isCondition) {
    const quoted = /^["']/.test(source) ? 1 : 0;
    expressions.push({
      text: source.slice(quoted, source.length - quoted),
      start: quoted,
      end: source.length - quoted,
    });
  }
  const refs: ContextRef[] = [];
  for (const expression of expressions) {
    for (const context of contextPaths(expression.text)) {
      const from = start + expression.start + context.start;
      refs.push({ path: context.path, range: file.lines.range(from, from + context.end - context.start) });
    }
  }
  return refs;
}
