/**
 * YAML anchors and aliases as GitHub reads them. Anchors no alias uses (`steps: &steps` and no `*steps`): usually a leftover from a refactoring, or a
 * typo in the alias that meant to use it (an alias to an anchor defined later is a YAML error, and an
 * anchor defined twice is shadowed from the second on). Aliases inside the node their anchor marks: the
 * value would contain itself, which GitHub cannot load. Reported by `github-actions/syntax`.
 */
import { isAlias, isCollection, isNode, isPair, visit, type Node } from 'yaml';
import type { GitHubActionsFile, Report } from '../../../engine/types';

export function unusedAnchorProblems(file: GitHubActionsFile): Report[] {
  const document = file.documents[0];
  // No `&` in the text, no anchor: skip the walk (issue 16).
  if (!document || !file.text.includes('&')) return [];
  const anchored: Node[] = [];
  const used = new Set<Node>();
  visit(document, (_key, node) => {
    if (isAlias(node)) {
      const target = node.resolve(document);
      if (isNode(target)) used.add(target);
    } else if (isNode(node) && node.anchor) anchored.push(node);
  });
  const reports: Report[] = [];
  for (const node of anchored) {
    const name = node.anchor as string;
    const start = node.range?.[0];
    if (start === undefined || used.has(node)) continue;
    // The node's range starts at its value; the `&name` before it is what to point at.
    const at = file.text.lastIndexOf(`&${name}`, start);
    const range = at >= 0 ? file.lines.range(at, at + name.length + 1) : file.lines.range(start, start);
    reports.push({
      range,
      severity: 'warning',
      message: `Anchor '&${name}' is never used by an alias (*${name}): remove it, or check the alias meant to use it.`,
    });
  }
  return reports;
}

/** Each alias that sits inside the very node its anchor marks (`test: &job` … `run: *job`), on its `*name`. */
export function recursiveAliasProblems(file: GitHubActionsFile): Report[] {
  const document = file.documents[0];
  // An alias resolves only to an anchor, and no `&` in the text means no anchor (issue 16).
  if (!document || !file.text.includes('&')) return [];
  const reports: Report[] = [];
  // The collections from the root down to the node at hand: an alias among them would make a cycle.
  const enclosing: Node[] = [];
  // A loop of our own, in yaml's `visit` order: that walk costs several times more per node, on each keystroke.
  const walk = (node: unknown): void => {
    if (isPair(node)) {
      walk(node.key);
      return walk(node.value);
    }
    if (isAlias(node)) {
      const target = node.resolve(document);
      if (!target || !node.range || !enclosing.includes(target)) return;
      reports.push({
        range: file.lines.range(node.range[0], node.range[0] + node.source.length + 1),
        message: `Alias '*${node.source}' is inside the value its anchor '&${node.source}' marks: that value would contain itself, which GitHub cannot load. Repeat the keys, or anchor a smaller part.`,
      });
      return;
    }
    if (!isCollection(node)) return;
    enclosing.push(node);
    for (const item of node.items) walk(item);
    enclosing.pop();
  };
  walk(document.contents);
  return reports;
}
