/**
 * What a call passes to a local reusable workflow against what it declares: GitHub refuses to start the
 * run when `with:` or `secrets:` name something the called workflow does not declare, when a required
 * input or secret is not given, or when a literal cannot be an input's declared type.
 */
import { isMap, isScalar, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { GitHubActionsFile, Range, Report } from '../../../engine/types';
import { entries, keyRange, mapGet, nodeRange, scalarString } from '../../../engine/yaml/nav';
import { closest } from '../../../engine/text';
import type { DeclaredParameters } from '../model/called-workflows';
import { isWholeExpression } from '../model/workflow-model';

export interface CallSite {
  file: GitHubActionsFile;
  job: YAMLMap;
  /** The `uses:` value as written, and where: required parameters left out are reported there. */
  written: string;
  usesRange: Range;
}

export function inputProblems(call: CallSite, inputs: DeclaredParameters): Report[] {
  const given = mapGet(call.job, 'with');
  // `with: ${{ fromJSON(...) }}` passes inputs computed at run time.
  if (!inputs || isWholeExpression(given) || (given != null && !isMap(given))) return [];
  return [
    ...parameterProblems(call, 'input', inputs, entries(given)),
    ...entries(given).flatMap(({ key, pair }) => typeProblem(call, inputs.get(key.toLowerCase()), pair)),
  ];
}

export function secretProblems(call: CallSite, secrets: DeclaredParameters): Report[] {
  const given = mapGet(call.job, 'secrets');
  // `secrets: inherit` passes every secret of the caller, whatever the called workflow declares.
  if (!secrets || scalarString(given) === 'inherit' || (given != null && !isMap(given))) return [];
  return parameterProblems(call, 'secret', secrets, entries(given));
}

function parameterProblems(
  call: CallSite,
  what: 'input' | 'secret',
  declared: NonNullable<DeclaredParameters>,
  given: Array<{ key: string; pair: Pair<Scalar, unknown> }>,
): Report[] {
  if (given.some(({ key }) => key.includes('${{'))) return [];
  const reports: Report[] = [];
  const names = [...declared.values()].map((parameter) => parameter.name);
  const section = what === 'input' ? 'with' : 'secrets';
  for (const { key, pair } of given) {
    if (declared.has(key.toLowerCase())) continue;
    const range = keyRange(call.file.lines, pair);
    const suggestion = closest(key, names);
    if (range)
      reports.push({
        range,
        message: `${call.written} declares no ${what} '${key}' (on.workflow_call.${what}s: ${names.join(', ') || 'none'}), so GitHub refuses to start the run.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
        data: suggestion ? { suggestion } : undefined,
      });
  }
  const givenNames = new Set(given.map(({ key }) => key.toLowerCase()));
  const missing = [...declared.values()].filter((p) => p.required && !givenNames.has(p.name.toLowerCase()));
  if (missing.length > 0)
    reports.push({
      range: call.usesRange,
      message: `${call.written} requires the ${what}${missing.length > 1 ? 's' : ''} ${missing.map((p) => `'${p.name}'`).join(', ')}, not given under ${section}: here, so GitHub refuses to start the run.`,
    });
  return reports;
}

/**
 * A literal that cannot be the declared type: GitHub converts booleans and numbers to strings, but not
 * text to a boolean or a number. A quoted "true" or "3" is left alone: it may or may not be converted.
 */
function typeProblem(call: CallSite, input: { name: string; type?: string } | undefined, pair: Pair<Scalar, unknown>) {
  const value = pair.value;
  if (!input || !isScalar(value) || typeof value.value !== 'string' || value.value.includes('${{')) return [];
  const text = value.value.trim();
  const wrong =
    (input.type === 'boolean' && !/^(true|false)$/i.test(text)) ||
    (input.type === 'number' && (text === '' || Number.isNaN(Number(text))));
  const range = wrong ? nodeRange(call.file.lines, value) : undefined;
  if (!range) return [];
  return [
    {
      range,
      message: `Input '${input.name}' of ${call.written} is a ${input.type}, and '${value.value}' is not one: GitHub refuses to start the run.${input.type === 'boolean' ? ' Write true or false.' : ''}`,
    },
  ];
}
