import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { GitHubActionsFile, Report, Rule } from '../../engine/types';
import { asSeq, mapGet, nodeRange, scalarString } from '../../engine/yaml/nav';
import labels from './data/runner-labels.json';
import { closest, editDistance } from '../../engine/text';
import { runnerLabelConflicts } from './runner-label/conflicts';
import { jobMatrix, matrixKeyOf, matrixValueNodes } from './model/matrix-values';
import { jobsOf } from './model/workflow-model';

const HOSTED_PREFIX = new RegExp(labels.hostedPrefix, 'i');
const hosted: ReadonlySet<string> = new Set(labels.hosted.map((label) => label.toLowerCase()));
const misnomers: Readonly<Record<string, string>> = labels.systemMisnomers;

/** A label to judge; `matrixKey` is set for a value of `strategy.matrix.<key>` used as `${{ matrix.<key> }}`. */
interface WrittenLabel {
  node: Node;
  value: string;
  matrixKey?: string;
}

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
      [...labels.hosted, ...labels.largerRunnerExamples, ...labels.selfHosted, ...options.selfHostedLabels].map((l) =>
        l.toLowerCase(),
      ),
    );
    for (const { job } of jobsOf(file)) {
      const runsOn = mapGet(job, 'runs-on');
      const labelsNode = isScalar(runsOn) || asSeq(runsOn) ? runsOn : mapGet(runsOn, 'labels');
      const written = isScalar(labelsNode) ? [labelsNode] : (asSeq(labelsNode)?.items ?? []);
      // A runner group chooses among the organisation's own runners, whose labels we cannot know.
      if (mapGet(runsOn, 'group') !== undefined) continue;
      const items = (written as unknown[]).filter(isScalar) as Node[];
      if (items.some(isSelfHosted)) continue;
      for (const label of labelsToJudge(job, items)) {
        const problem = labelProblem(file, label, known);
        if (problem) report(problem);
      }
      if (job) for (const conflict of runnerLabelConflicts(file, job, items, hosted)) report(conflict);
    }
  },
};

function isSelfHosted(node: unknown): boolean {
  return scalarString(node)?.toLowerCase() === 'self-hosted';
}

/**
 * The literal labels of runs-on, and for a label written `${{ matrix.<key> }}` each literal value of that
 * key: a value that is a list is a whole set of labels (skipped when it has `self-hosted`).
 */
function labelsToJudge(job: YAMLMap | undefined, items: readonly Node[]): WrittenLabel[] {
  return items.flatMap((item): WrittenLabel[] => {
    const value = scalarString(item) ?? '';
    const matrixKey = matrixKeyOf(value);
    if (!matrixKey) return [{ node: item, value }];
    return (matrixValueNodes(jobMatrix(job), matrixKey) ?? []).flatMap((node) => {
      const row = asSeq(node);
      const nodes = row ? (row.items.some(isSelfHosted) ? [] : row.items.filter(isScalar)) : [node];
      return nodes.map((n) => ({ node: n as Node, value: scalarString(n) ?? '', matrixKey }));
    });
  });
}

function labelProblem(file: GitHubActionsFile, label: WrittenLabel, known: ReadonlySet<string>): Report | undefined {
  const { value } = label;
  if (!value || value.includes('${{') || known.has(value.toLowerCase())) return undefined;
  const suggestion = misnamedSystem(value) ?? closest(value, labels.hosted);
  // Names that do not look like a GitHub image may be larger runners named by the organisation:
  // only a near miss (two edits at most) of a hosted label, or one with its system misnamed, is a mistake.
  const nearMiss = suggestion !== undefined && editDistance(value.toLowerCase(), suggestion.toLowerCase()) <= 2;
  if (!HOSTED_PREFIX.test(value) && !nearMiss && !misnamedSystem(value)) return undefined;
  const range = nodeRange(file.lines, label.node);
  if (!range) return undefined;
  const where = label.matrixKey ? ` (a value of matrix.${label.matrixKey}, used in runs-on)` : '';
  return {
    range,
    message: `'${value}'${where} is not a GitHub-hosted runner label${suggestion ? `: did you mean '${suggestion}'?` : ' (retired or misspelt).'} A self-hosted runner needs 'self-hosted' in runs-on, or list the label in this rule's selfHostedLabels option.`,
    data: suggestion ? { suggestion } : undefined,
  };
}

/** `linux-latest` → `ubuntu-latest`: a hosted label with its system called by another name. */
function misnamedSystem(value: string): string | undefined {
  const [system, ...rest] = value.toLowerCase().split('-');
  const right = misnomers[system];
  const renamed = right && rest.length > 0 ? [right, ...rest].join('-') : undefined;
  return renamed && hosted.has(renamed) ? renamed : undefined;
}
