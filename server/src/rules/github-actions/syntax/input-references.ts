/**
 * `inputs.<name>` (and `github.event.inputs.<name>`) must name an input the workflow declares under
 * `workflow_dispatch` or `workflow_call`: GitHub gives an undeclared one as an empty string, silently.
 * Reported by `github-actions/syntax`.
 */
import { isMap } from 'yaml';
import type { GitHubActionsFile, Report } from '../../../engine/types';
import { closest } from '../../../engine/text';
import { entries, getIn, mapGet } from '../../../engine/yaml/nav';
import { contextRefsUnder } from '../model/expression-refs';
import { triggersOf, workflowRoot } from '../model/workflow-model';

const INPUT_EVENTS = ['workflow_dispatch', 'workflow_call'] as const;

export function inputReferenceProblems(file: GitHubActionsFile): Report[] {
  const root = workflowRoot(file);
  if (file.flavor !== 'workflow' || !root) return [];
  const triggers = triggersOf(file);
  // `on:` written as an expression or in a shape GitHub's parser reports: which events run is unknown.
  if (triggers.size === 0 || [...triggers.keys()].some((name) => name.includes('${{'))) return [];
  const declared = new Map<string, string>();
  for (const event of INPUT_EVENTS) {
    const inputs = getIn(mapGet(root, 'on'), [event, 'inputs']);
    if (inputs === undefined || inputs === null) continue;
    // Inputs given by an expression, or keys made by one: the names are not known before the run.
    if (!isMap(inputs) || entries(inputs).some(({ key }) => key.includes('${{'))) return [];
    for (const { key } of entries(inputs)) declared.set(key.toLowerCase(), key);
  }
  const fromDispatchOnly = triggers.has('workflow_dispatch') && !triggers.has('workflow_call');
  const reports: Report[] = [];
  for (const ref of contextRefsUnder(file, root, ['on'])) {
    const match = /^(inputs|github\.event\.inputs)\.([^.]+)/.exec(ref.path);
    if (!match || match[2] === '*' || declared.has(match[2])) continue;
    // In a reusable workflow, github.event is the caller's event, whose inputs are the caller's.
    if (match[1] !== 'inputs' && !fromDispatchOnly) continue;
    reports.push({ range: ref.range, message: undeclaredMessage(match[1], match[2], declared, triggers) });
  }
  return reports;
}

function undeclaredMessage(
  context: string,
  name: string,
  declared: ReadonlyMap<string, string>,
  triggers: ReadonlyMap<string, unknown>,
): string {
  if (!INPUT_EVENTS.some((event) => triggers.has(event)))
    return `This workflow has no workflow_dispatch or workflow_call trigger, so it has no inputs: ${context}.${name} is always empty.`;
  const known = [...declared.values()];
  const suggestion = closest(name, known);
  return `No input '${name}' is declared under on.${INPUT_EVENTS.filter((e) => triggers.has(e)).join(' / on.')}: ${context}.${name} is always empty.${suggestion ? ` Did you mean '${suggestion}'?` : ` Declared inputs: ${known.join(', ') || 'none'}.`}`;
}
