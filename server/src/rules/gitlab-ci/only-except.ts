import { isMap, isScalar, isSeq } from 'yaml';
import type { LineIndex } from '../../engine/line-index';
import type { Range, Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import { pipelineOf } from './model/pipeline';
import type { Entry } from './model/yaml-resolve';

/** `only:` values that name pipeline kinds rather than branches: a `rules:` rewrite of those is not mechanical. */
const REF_KEYWORDS = new Set([
  'api',
  'branches',
  'chat',
  'external',
  'external_pull_requests',
  'merge_requests',
  'pipelines',
  'pushes',
  'schedules',
  'tags',
  'triggers',
  'web',
]);

export const onlyExcept: Rule<'gitlab-ci'> = {
  id: 'gitlab-ci/only-except',
  kind: 'gitlab-ci',
  defaultSeverity: 'info',
  docs: { summary: 'only: and except: are deprecated: use rules: to decide when a job runs.' },
  aliases: [],
  check(context) {
    const { resolver, self } = pipelineOf(context);
    for (const top of resolver.entries(self.root ? { node: self.root, source: self } : undefined)) {
      const job = resolver.deref(top.pair.value, top.source);
      if (!job || !isMap(job.node) || top.key === 'default' || top.key === 'workflow') continue;
      const entries = resolver.entries(job).filter((entry) => entry.source === self);
      for (const entry of entries) {
        if (entry.key !== 'only' && entry.key !== 'except') continue;
        const range = nodeRange(self.file.lines, entry.pair.key);
        if (!range) continue;
        const branches =
          entry.key === 'only' && !entries.some((other) => other.key === 'except' || other.key === 'rules')
            ? branchList(entry)
            : undefined;
        context.report({
          range,
          message: `'${entry.key}:' of '${top.key}' is deprecated and cannot be combined with rules:. Express it with rules: and if: conditions.`,
          data: branches
            ? { branches, replaceRange: pairRange(self.file.lines, entry), indent: range.start.character }
            : undefined,
        });
      }
    }
  },
};

/** The branch names of `only: [main, develop]`, when that is all it says. */
function branchList(entry: Entry): string[] | undefined {
  const value = entry.pair.value;
  if (!isSeq(value) || value.items.length === 0) return undefined;
  const names: string[] = [];
  for (const item of value.items) {
    if (!isScalar(item) || typeof item.value !== 'string') return undefined;
    const name = item.value;
    // Regular expressions (`/^release/`) and pipeline kinds (`tags`) need a human to translate.
    if (REF_KEYWORDS.has(name) || !/^[A-Za-z0-9._/-]+$/.test(name)) return undefined;
    names.push(name);
  }
  return names;
}

/** From the key to the value's last character: a block list's range runs on past its final line break. */
function pairRange(lines: LineIndex, entry: Entry): Range | undefined {
  const key = entry.pair.key.range;
  const value = entry.pair.value?.range;
  if (!key || !value) return undefined;
  let end = value[1];
  while (end > key[0] && /\s/.test(lines.text[end - 1])) end--;
  return lines.range(key[0], end);
}
