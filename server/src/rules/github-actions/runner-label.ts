import { isScalar, type Node } from 'yaml';
import type { Rule } from '../../engine/types';
import { asSeq, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import labels from './data/runner-labels.json';
import { closest, editDistance } from '../../engine/text';
import { runnerLabelConflicts } from './runner-label/conflicts';
import { jobsOf } from './model/workflow-model';

const HOSTED_PREFIX = new RegExp(labels.hostedPrefix, 'i');
const hosted: ReadonlySet<string> = new Set(labels.hosted.map((label) => label.toLowerCase()));

export const runnerLabel: Rule<'github-actions', { selfHostedLabels: string[] }> = {
  id: 'github-actions/runner-label',
  kind: 'github-actions',
  defaultSeverity: 'warning',
  docs: {
    summary:
      'runs-on must name a GitHub-hosted runner image that exists (or a self-hosted label you declared), and not two systems at once, or the job waits forever.',
  },
  aliases: ['actionlint:runner-label'],
  defaultOptions: { selfHostedLabels: [] },
  optionsSchema: {
    type: 'object',
    properties: { selfHostedLabels: { type: 'array', items: { type: 'string' } } },
    additionalProperties: false,
  },
  check({ file, options, report }) {
    const known = new Set(
      [...labels.hosted, ...labels.selfHosted, ...options.selfHostedLabels].map((l) => l.toLowerCase()),
    );
    for (const { job } of jobsOf(file)) {
      const runsOn = mapGet(job, 'runs-on');
      const labelsNode = isScalar(runsOn) || asSeq(runsOn) ? runsOn : mapGet(runsOn, 'labels');
      const written = isScalar(labelsNode) ? [labelsNode] : (asSeq(labelsNode)?.items ?? []);
      // A runner group chooses among the organisation's own runners, whose labels we cannot know.
      if (mapGet(runsOn, 'group') !== undefined) continue;
      const items = (written as unknown[]).filter(isScalar) as Node[];
      const values = items.map((item) => scalarString(item) ?? '');
      if (values.some((v) => v.toLowerCase() === 'self-hosted')) continue;
      items.forEach((item, index) => {
        const label = values[index];
        if (!label || label.includes('${{') || known.has(label.toLowerCase())) return;
        const suggestion = closest(label, labels.hosted);
        // Names that do not look like a GitHub image may be larger runners named by the organisation:
        // only a near miss (two edits at most) of a hosted label is taken for a typo.
        const nearMiss = suggestion !== undefined && editDistance(label.toLowerCase(), suggestion.toLowerCase()) <= 2;
        if (!HOSTED_PREFIX.test(label) && !nearMiss) return;
        const range = nodeRange(file.lines, item);
        if (!range) return;
        report({
          range,
          message: `'${label}' is not a GitHub-hosted runner label${suggestion ? `: did you mean '${suggestion}'?` : ' (retired or misspelt).'} A self-hosted runner needs 'self-hosted' in runs-on, or list the label in this rule's selfHostedLabels option.`,
          data: suggestion ? { suggestion } : undefined,
        });
      });
      if (job) for (const conflict of runnerLabelConflicts(file, job, items, hosted)) report(conflict);
    }
  },
};
