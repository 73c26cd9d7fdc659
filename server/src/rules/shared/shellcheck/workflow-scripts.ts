/**
 * The `run:` scripts of a workflow or composite action that run in bash or sh, as ShellCheck is to read
 * them: with the options GitHub's runner passes that shell, and every `${{ }}` expression replaced by as
 * many underscores (as actionlint does), so that the runner's substitution is not mistaken for shell
 * syntax while every character keeps its place. Offsets go back through YAML block scalars to the file.
 */
import { isScalar, type Scalar, type YAMLMap } from 'yaml';
import type { LineIndex } from '../../../engine/line-index';
import type { GitHubActionsFile } from '../../../engine/types';
import { asMap, asSeq, entries, getIn, mapGet, scalarString } from '../../../engine/yaml/nav';
import { findExpressions } from '../../github-actions/model/expressions';
import { jobsOf, jobSteps, workflowRoot } from '../../github-actions/model/workflow-model';
import { scalarValueStart } from '../yaml-scalar';
import { makeScript, verbatim, type MappedText, type ShellDialect, type ShellScript } from './script';

/**
 * SC1091: sourced files are not on this machine. SC2194: an expression placeholder in `case ${{ x }} in`
 * is a constant word to ShellCheck, not to the runner.
 */
const EXCLUDE = ['SC1091', 'SC2194'];
/** What the runner runs for `shell: bash` / `shell: sh` (and bash when no shell is given, off Windows). */
const RUNNER_OPTIONS: Record<'bash' | 'sh', string> = { bash: 'set -eo pipefail', sh: 'set -e' };

export function workflowScripts(file: GitHubActionsFile): ShellScript[] {
  const scripts: ShellScript[] = [];
  if (file.flavor === 'action') {
    for (const document of file.documents) {
      for (const item of asSeq(getIn(document.contents, ['runs', 'steps']))?.items ?? []) {
        // A composite action's run steps must name their shell.
        const script = stepScript(file, asMap(item), undefined, []);
        if (script) scripts.push(script);
      }
    }
    return scripts;
  }
  const root = workflowRoot(file);
  const workflowShell = defaultShell(root);
  for (const { job } of jobsOf(file)) {
    const jobShell = defaultShell(job) ?? workflowShell ?? (runsOnWindows(job) ? undefined : 'bash');
    for (const step of jobSteps(job)) {
      const script = stepScript(file, step, jobShell, [...envNames(root), ...envNames(job)]);
      if (script) scripts.push(script);
    }
  }
  return scripts;
}

function defaultShell(owner: YAMLMap | undefined): string | undefined {
  return scalarString(getIn(owner, ['defaults', 'run', 'shell']));
}

function runsOnWindows(job: YAMLMap | undefined): boolean {
  const runsOn = mapGet(job, 'runs-on');
  const labels = asSeq(runsOn)?.items.map(scalarString) ?? [scalarString(runsOn)];
  return labels.some((label) => label !== undefined && /^windows(-|$)/i.test(label));
}

/** The names an `env:` mapping sets: the runner exports them, so the script may read them. */
function envNames(owner: YAMLMap | undefined): string[] {
  return entries(mapGet(owner, 'env')).map(({ key }) => key);
}

function stepScript(
  file: GitHubActionsFile,
  step: YAMLMap | undefined,
  inherited: string | undefined,
  outerEnv: readonly string[],
) {
  const node = mapGet(step, 'run');
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const shell = scalarString(mapGet(step, 'shell')) ?? inherited;
  const dialect = shell === undefined ? undefined : dialectOfShellSetting(shell);
  if (!dialect) return undefined;
  const body = withPlaceholders(scalarText(file.lines, node as Scalar<string>));
  const prelude = shell === 'bash' || shell === 'sh' ? [RUNNER_OPTIONS[shell]] : [];
  const env = new Set([...outerEnv, ...envNames(step)]);
  for (const name of env) {
    if (/^[A-Za-z_]\w*$/.test(name)) prelude.push(`export ${name}=1`);
  }
  const exclude = [...EXCLUDE];
  // `for x in ${{ inputs.list }}` loops over the words the runner puts there, not over one placeholder.
  if ((body.placeholders?.length ?? 0) > 0) exclude.push('SC2043');
  // An env name made by an expression may set any variable: none can be called unassigned.
  if ([...env].some((name) => name.includes('${{'))) exclude.push('SC2154');
  return makeScript(dialect, prelude, body, exclude);
}

/** `bash`, `sh`, or a custom `bash --noprofile -e {0}`; the other shells (pwsh, python, cmd) are not ShellCheck's. */
function dialectOfShellSetting(shell: string): ShellDialect | undefined {
  if (shell.includes('${{')) return undefined;
  const program = shell.trim().split(/\s+/)[0];
  return program === 'bash' || program === 'sh' ? program : undefined;
}

/** Each `${{ … }}` as underscores of the same length: the text keeps its shape and offsets. */
export function withPlaceholders(body: MappedText): MappedText {
  let text = body.text;
  const placeholders: Array<[number, number]> = [];
  for (const match of findExpressions(text)) {
    text = text.slice(0, match.start) + '_'.repeat(match.end - match.start) + text.slice(match.end);
    placeholders.push([match.start, match.end]);
  }
  return { text, offsets: body.offsets, placeholders };
}

/**
 * A scalar's value with the file offset of each character. Plain and quoted scalars written verbatim map
 * one to one; a literal block (`|`) line by line past its indentation; anything else (folded blocks, escapes)
 * by walking the source for each value character in turn.
 */
export function scalarText(lines: LineIndex, node: Scalar<string>): MappedText {
  const fileText = lines.text;
  const [start, end] = node.range!;
  const value = node.value;
  const verbatimStart = scalarValueStart(node, lines);
  if (verbatimStart !== undefined) return verbatim(fileText, verbatimStart, verbatimStart + value.length);
  const blockBody =
    node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED' ? fileText.indexOf('\n', start) + 1 : start;
  if (node.type === 'BLOCK_LITERAL') {
    const mapped = literalBlock(fileText, blockBody, end, value);
    if (mapped) return mapped;
  }
  return walked(fileText, blockBody, end, value);
}

function literalBlock(fileText: string, from: number, end: number, value: string): MappedText | undefined {
  const sourceLines = fileText.slice(from, end).split('\n');
  const indent = Math.min(
    ...sourceLines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length),
  );
  const offsets: number[] = [];
  let lineStart = from;
  const valueLines = value.split('\n');
  for (let i = 0; i < valueLines.length; i++) {
    const source = sourceLines[i] ?? '';
    const line = valueLines[i];
    // Blank lines may be shorter than the indentation; a value line must be the source line past it.
    if (line !== '' && source.slice(indent, indent + line.length) !== line) return undefined;
    for (let c = 0; c < line.length; c++) offsets.push(lineStart + indent + c);
    if (i < valueLines.length - 1) offsets.push(lineStart + Math.max(source.length, 0));
    lineStart += source.length + 1;
  }
  offsets.push(offsets.length > 0 ? offsets[offsets.length - 1] + 1 : from);
  return { text: value, offsets };
}

function walked(fileText: string, from: number, end: number, value: string): MappedText {
  const offsets: number[] = [];
  let j = from;
  for (const ch of value) {
    let k = j;
    while (k < end && fileText[k] !== ch && !(ch === ' ' && fileText[k] === '\n')) k++;
    // A character the source spells otherwise (an escape): it stays where the walk is.
    const at = k < end ? k : j;
    for (let unit = 0; unit < ch.length; unit++) offsets.push(at + unit);
    if (k < end) j = k + ch.length;
  }
  offsets.push(j);
  return { text: value, offsets };
}
