import { isScalar, isSeq, type Node } from 'yaml';
import type { GitHubActionsFile, Range, Rule } from '../../engine/types';
import { entries, getIn, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import { scalarSliceRange } from '../shared/yaml-scalar';
import { globProblems, type GlobKind } from './filter-pattern/glob';
import { jobsOf, workflowRoot } from './model/workflow-model';

/** Event filter keys and what their patterns match. */
const FILTER_KINDS: Record<string, GlobKind> = {
  branches: 'ref',
  'branches-ignore': 'ref',
  tags: 'ref',
  'tags-ignore': 'ref',
  paths: 'path',
  'paths-ignore': 'path',
  names: 'plain',
  versions: 'plain',
};

export const filterPattern: Rule<'github-actions'> = {
  id: 'github-actions/filter-pattern',
  kind: 'github-actions',
  defaultSeverity: 'error',
  docs: {
    summary:
      'Branch, tag and path filters that are not valid filter patterns (unclosed [, reversed ranges, regular-expression syntax, spaces): they never match, so the workflow silently stops running.',
  },
  aliases: ['actionlint:glob'],
  check({ file, report }) {
    for (const { node, kind } of patternNodes(file)) {
      const pattern = scalarString(node);
      // Expressions are not evaluated in `on:`; but a value with one is someone else's concern (syntax).
      if (pattern === undefined || pattern === '' || pattern.includes('${{')) continue;
      for (const problem of globProblems(pattern, kind)) {
        const range = problemRange(file, node, problem.index);
        if (range) report({ range, message: `Filter pattern '${pattern.trim()}': ${problem.message}.` });
      }
    }
  },
};

function* patternNodes(file: GitHubActionsFile): Generator<{ node: Node; kind: GlobKind }> {
  const root = workflowRoot(file);
  for (const { key: event, pair } of entries(mapGet(root, 'on'))) {
    for (const { key, pair: filter } of entries(pair.value)) {
      const kind = FILTER_KINDS[key];
      if (!kind || (kind === 'plain' && event !== 'image_version')) continue;
      const value = filter.value;
      if (isSeq(value)) for (const item of value.items) if (isScalar(item)) yield { node: item, kind };
      if (isScalar(value)) yield { node: value, kind };
    }
  }
  for (const job of jobsOf(file)) {
    const version = getIn(job.job, ['snapshot', 'version']);
    if (isScalar(version)) yield { node: version, kind: 'plain' };
  }
}

/** The offending character when the scalar is written verbatim, else the whole value. */
function problemRange(file: GitHubActionsFile, node: Node, index: number | undefined): Range | undefined {
  if (index === undefined) return nodeRange(file.lines, node);
  return scalarSliceRange(node, file.lines, index, index + 1) ?? nodeRange(file.lines, node);
}
