/**
 * A `runs-on` list asks for one runner that has every label in it. Labels of two operating systems
 * (`[ubuntu-latest, windows-latest]`, `[macos-15, linux]`) describe a runner that does not exist: the job waits in the queue until it is cancelled. Labels written as
 * `${{ matrix.<key> }}` are expanded to the matrix's literal values, so a matrix of systems combined
 * with a fixed image is caught too.
 */
import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { GitHubActionsFile, Range } from '../../../engine/types';
import { nodeRange, scalarString } from '../../../engine/yaml/nav';
import { jobMatrix, matrixKeyOf, matrixValueNodes } from '../model/matrix-values';

export interface LabelConflict {
  range: Range;
  message: string;
}

interface Label {
  value: string;
  node: Node;
  /** Set when the label is a value of `strategy.matrix.<key>` used in runs-on. */
  matrixKey?: string;
}

const SYSTEMS: Record<string, string> = { ubuntu: 'linux', windows: 'windows', macos: 'macos' };

export function runnerLabelConflicts(
  file: GitHubActionsFile,
  job: YAMLMap,
  items: readonly Node[],
  hosted: ReadonlySet<string>,
): LabelConflict[] {
  const labels = items.map((item) => expand(job, item));
  // The first literal label that names a system is what the others must agree with. Values of one matrix
  // key are alternatives (one per run), so they are only compared with the other items.
  const anchorIndex = labels.findIndex(
    (options) => options.length === 1 && !options[0].matrixKey && systemOf(options[0].value, hosted),
  );
  if (anchorIndex < 0) return [];
  const anchor = labels[anchorIndex][0];
  const anchorSystem = systemOf(anchor.value, hosted);
  const conflicts: LabelConflict[] = [];
  labels.forEach((options, index) => {
    if (index === anchorIndex) return;
    for (const label of options) {
      const system = systemOf(label.value, hosted);
      const range = system && system !== anchorSystem ? nodeRange(file.lines, label.node) : undefined;
      if (!range) continue;
      const where = label.matrixKey ? ` (a value of matrix.${label.matrixKey}, used in runs-on)` : '';
      conflicts.push({
        range,
        message: `'${label.value}'${where} conflicts with '${anchor.value}' in the same runs-on: no runner is both ${system} and ${anchorSystem}, so the job never starts. To run on each system, put the images in a matrix and use runs-on: \${{ matrix.<key> }} alone.`,
      });
    }
  });
  return conflicts;
}

/** The operating system a label stands for: a hosted image's family, or a generic self-hosted label. */
function systemOf(label: string, hosted: ReadonlySet<string>): string | undefined {
  const value = label.toLowerCase();
  if (hosted.has(value)) return SYSTEMS[value.split('-')[0]];
  return Object.values(SYSTEMS).includes(value) ? value : undefined;
}

/** A literal label, or the literal values of the matrix key it names. */
function expand(job: YAMLMap, item: Node): Label[] {
  const value = scalarString(item);
  if (value === undefined) return [];
  const matrixKey = matrixKeyOf(value);
  if (!matrixKey) return value.includes('${{') ? [] : [{ value, node: item }];
  const values = matrixValueNodes(jobMatrix(job), matrixKey) ?? [];
  return values.filter(isScalar).flatMap((node) => {
    const text = scalarString(node);
    return text === undefined ? [] : [{ value: text, node: node as Node, matrixKey }];
  });
}
