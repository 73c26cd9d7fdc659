/**
 * Values left empty where GitHub needs something: `runs-on: ''`, `needs: []`, `branches: []`, an
 * image or option that is an empty string. GitHub's schema accepts most of them, and the workflow
 * then fails at run time or never triggers. Reported by `github-actions/syntax`.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { GitHubActionsFile, Range, Report } from '../../../engine/types';
import { entries, keyRange, nodeRange, scalarString } from '../../../engine/yaml/nav';
import { workflowRoot } from '../model/workflow-model';

/** `*` is any key, `[]` any item of a sequence. A path names a value that must not be empty. */
const FILTERS = ['branches', 'branches-ignore', 'tags', 'tags-ignore', 'paths', 'paths-ignore'];
const CONTAINER_STRINGS = ['image', 'ports.[]', 'volumes.[]'];
const MUST_NOT_BE_EMPTY: string[] = [
  'on.schedule',
  'on.schedule.[].timezone',
  'on.*.types',
  'on.*.workflows',
  ...FILTERS.flatMap((filter) => [`on.*.${filter}`, `on.*.${filter}.[]`]),
  'on.image_version.names',
  'on.image_version.names.[]',
  'on.image_version.versions',
  'on.image_version.versions.[]',
  'on.workflow_dispatch.inputs.*.options',
  'on.workflow_dispatch.inputs.*.options.[]',
  'on.workflow_call.outputs.*.value',
  'jobs.*.runs-on',
  'jobs.*.runs-on.[]',
  'jobs.*.runs-on.group',
  'jobs.*.runs-on.labels',
  'jobs.*.runs-on.labels.[]',
  'jobs.*.needs',
  'jobs.*.permissions',
  'jobs.*.strategy.matrix.*',
  'jobs.*.container',
  ...CONTAINER_STRINGS.flatMap((path) => [`jobs.*.container.${path}`, `jobs.*.services.*.${path}`]),
  'jobs.*.snapshot.image-name',
  'jobs.*.snapshot.version',
  'jobs.*.defaults',
  'jobs.*.steps.[].with',
  'defaults',
];

interface Located {
  node: Node | null;
  /** Where to point when the value is missing (`runs-on:` with nothing after it). */
  range: Range | undefined;
  name: string;
}

export function emptyValueProblems(file: GitHubActionsFile): Report[] {
  const root = workflowRoot(file);
  if (!root) return [];
  const reports: Report[] = [];
  for (const path of MUST_NOT_BE_EMPTY) {
    for (const found of locate(file, root, path.split('.'), { node: root, range: undefined, name: '' })) {
      const what = emptiness(found.node);
      // `permissions: {}` is how a job drops every permission: empty on purpose.
      if (!what || !found.range || (found.name === 'permissions' && isMap(found.node))) continue;
      reports.push({
        range: found.range,
        message: `${found.name ? `'${found.name}'` : 'This item'} is ${what}: GitHub needs a value here. Give one, or remove the key.`,
      });
    }
  }
  return reports;
}

function* locate(file: GitHubActionsFile, node: unknown, path: string[], at: Located): Generator<Located> {
  if (path.length === 0) {
    yield at;
    return;
  }
  const [step, ...rest] = path;
  if (step === '[]') {
    if (!isSeq(node)) return;
    for (const item of node.items) {
      const itemNode = (item ?? null) as Node | null;
      yield* locate(file, item, rest, { node: itemNode, range: nodeRange(file.lines, itemNode) ?? at.range, name: '' });
    }
    return;
  }
  for (const { key, pair } of entries(node)) {
    if (step !== '*' && key !== step) continue;
    // `include` and `exclude` are matrix keywords, not matrix rows: an empty one is only useless.
    if (step === '*' && rest.length === 0 && (key === 'include' || key === 'exclude')) continue;
    yield* locate(file, pair.value, rest, { node: pair.value, range: keyRange(file.lines, pair), name: key });
  }
}

/** What is empty about a value, or undefined when it has one (or is an expression GitHub evaluates later). */
function emptiness(node: Node | null): string | undefined {
  // A written `null` (`container: null`) says "none" on purpose; a key with nothing after it is a gap.
  if (node === null || (isScalar(node) && node.value === null && !node.source)) return 'empty';
  if (isScalar(node) && node.value === null) return undefined;
  if (isScalar(node)) return scalarString(node)?.trim() === '' ? 'an empty string' : undefined;
  if (isSeq(node)) return node.items.length === 0 ? 'an empty list' : undefined;
  if (isMap(node)) return node.items.length === 0 ? 'an empty mapping' : undefined;
  return undefined;
}
