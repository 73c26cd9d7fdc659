/**
 * Trigger configurations GitHub refuses or that cannot work, beyond what its parser's schema checks:
 * a filter and its `-ignore` twin on one event, too many `workflow_dispatch` inputs, and inputs whose
 * default does not fit their type or options. Reported by `github-actions/syntax`.
 */
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { GitHubActionsFile, Report } from '../../../engine/types';
import { asMap, asSeq, entries, keyRange, mapGet, nodeRange, pairOf, scalarString } from '../../../engine/yaml/nav';
import { workflowRoot } from '../model/workflow-model';

const EXCLUSIVE_FILTERS = ['branches', 'tags', 'paths'] as const;
/** GitHub's limit on `workflow_dispatch` inputs (it was 10 before). */
const MAX_DISPATCH_INPUTS = 25;

export function eventProblems(file: GitHubActionsFile): Report[] {
  const reports: Report[] = [];
  const on = mapGet(workflowRoot(file), 'on');
  reports.push(...bareSchedule(file, on));
  for (const { key: event, pair } of entries(on)) {
    if (event === 'schedule') reports.push(...timezoneProblems(file, pair.value));
    const config = asMap(pair.value);
    if (!config) continue;
    reports.push(...exclusiveFilters(file, event, config));
    if (event === 'workflow_dispatch' || event === 'workflow_call') reports.push(...inputProblems(file, event, config));
    if (event === 'workflow_call') reports.push(...reusableDefinitionProblems(file, config));
  }
  return reports;
}

/**
 * `on: schedule` or `on: [push, schedule]`: a schedule named without its `cron:` times (GitHub's parser
 * lets the bare name through, and the workflow never runs on a schedule).
 */
function bareSchedule(file: GitHubActionsFile, on: unknown): Report[] {
  const names = isScalar(on) ? [on] : (asSeq(on)?.items ?? []);
  return names.flatMap((name) => {
    const range = isScalar(name) && name.value === 'schedule' ? nodeRange(file.lines, name) : undefined;
    if (!range) return [];
    return [
      {
        range,
        message:
          "'schedule' needs its times: write it as a mapping, `schedule:` with a list of `- cron: '…'` entries. As a bare name it never runs.",
      },
    ];
  });
}

/** `branches` with `branches-ignore` (and tags, paths): GitHub allows one of each pair per event. */
function exclusiveFilters(file: GitHubActionsFile, event: string, config: YAMLMap): Report[] {
  const reports: Report[] = [];
  for (const filter of EXCLUSIVE_FILTERS) {
    const include = pairOf(config, filter);
    const ignore = pairOf(config, `${filter}-ignore`);
    if (!include || !ignore) continue;
    // Point at whichever comes second: the first one is fine on its own.
    const second = config.items.indexOf(include) > config.items.indexOf(ignore) ? include : ignore;
    const range = keyRange(file.lines, second);
    if (range) {
      reports.push({
        range,
        message: `'${filter}' and '${filter}-ignore' cannot both be set for '${event}': GitHub rejects the workflow. Keep one, and negate patterns with '!' in it.`,
      });
    }
  }
  return reports;
}

function inputProblems(file: GitHubActionsFile, event: string, config: YAMLMap): Report[] {
  const reports: Report[] = [];
  const inputsPair = pairOf(config, 'inputs');
  const inputs = entries(inputsPair?.value);
  const at = (node: Node | null | undefined, message: string) => {
    const range = nodeRange(file.lines, node);
    if (range) reports.push({ range, message });
  };
  if (event === 'workflow_dispatch' && inputs.length > MAX_DISPATCH_INPUTS && inputsPair) {
    at(
      inputsPair.key,
      `workflow_dispatch takes at most ${MAX_DISPATCH_INPUTS} inputs; this one has ${inputs.length}, so GitHub rejects the workflow.`,
    );
  }
  for (const { key: name, pair } of inputs) {
    const input = asMap(pair.value);
    if (!input) continue;
    const type = scalarString(mapGet(input, 'type')) ?? 'string';
    const options = asSeq(mapGet(input, 'options'))?.items.filter(isScalar) ?? [];
    const defaultNode = mapGet(input, 'default');
    const defaultValue = isScalar(defaultNode) ? scalarString(defaultNode) : undefined;
    // The parser itself checks choice inputs without options and options on other types. It checks
    // boolean defaults too, but stops at an earlier error in the inputs: that check is ours (parser-gaps.json).
    if (defaultValue === undefined || defaultValue.includes('${{')) {
      // Expressions are evaluated at dispatch time; nothing to compare.
    } else if (type === 'boolean' && isScalar(defaultNode) && typeof defaultNode.value !== 'boolean') {
      at(
        defaultNode,
        `Input '${name}' is a boolean, but its default ${JSON.stringify(defaultValue)} is not a boolean: write true or false, without quotes.`,
      );
    } else if (type === 'number' && (defaultValue.trim() === '' || !Number.isFinite(Number(defaultValue)))) {
      at(defaultNode, `Input '${name}' is a number, but its default '${defaultValue}' is not one.`);
    } else if (
      type === 'choice' &&
      options.length > 0 &&
      !options.some((option) => scalarString(option) === defaultValue)
    ) {
      at(
        defaultNode,
        `The default '${defaultValue}' of input '${name}' is not one of its options (${options.map((o) => scalarString(o)).join(', ')}).`,
      );
    }
    // In a workflow_dispatch form the default pre-fills a required field, so only workflow_call's is dead.
    const required = mapGet(input, 'required');
    if (event === 'workflow_call' && isScalar(required) && required.value === true && defaultValue !== undefined) {
      const range = nodeRange(file.lines, defaultNode);
      if (range)
        reports.push({
          range,
          severity: 'warning',
          message: `Input '${name}' is required, so its default '${defaultValue}' is never used: drop the default or make the input optional.`,
        });
    }
    const seen = new Set<string>();
    for (const option of options) {
      const value = scalarString(option) ?? '';
      if (seen.has(value)) at(option, `Option '${value}' of input '${name}' is listed twice.`);
      seen.add(value);
    }
  }
  return reports;
}

/** `timezone:` of a schedule must be an IANA time zone name; GitHub does not run a schedule it cannot place. */
function timezoneProblems(file: GitHubActionsFile, schedule: unknown): Report[] {
  const reports: Report[] = [];
  for (const item of asSeq(schedule)?.items ?? []) {
    const node = mapGet(item, 'timezone');
    const zone = scalarString(node);
    const range = nodeRange(file.lines, node);
    if (!zone || !range || zone.includes('${{') || isTimeZone(zone)) continue;
    reports.push({
      range,
      message: `'${zone}' is not an IANA time zone name (like 'Europe/Paris' or 'America/New_York'), so GitHub cannot run this schedule.`,
    });
  }
  return reports;
}

function isTimeZone(zone: string): boolean {
  try {
    // Node's ICU knows the IANA database: an unknown zone is a RangeError.
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A reusable workflow's inputs need a `type` (GitHub refuses the call otherwise) and its outputs a
 * `value` (without one the output is always empty). GitHub's parser reports a mapping that lacks
 * them, but lets through a definition with nothing at all (`tag:`).
 */
function reusableDefinitionProblems(file: GitHubActionsFile, config: YAMLMap): Report[] {
  const reports: Report[] = [];
  const lacking = (section: string, property: string, why: string) => {
    for (const { key, pair } of entries(mapGet(config, section))) {
      if (isMap(pair.value) || pairOf(pair.value, property)) continue;
      const range = keyRange(file.lines, pair);
      if (range)
        reports.push({
          range,
          message: `${section === 'inputs' ? 'Input' : 'Output'} '${key}' has no '${property}': ${why}`,
        });
    }
  };
  lacking('inputs', 'type', 'a workflow_call input must say whether it is a string, number or boolean.');
  lacking(
    'outputs',
    'value',
    'without one the output is always empty. Set it from a job output (${{ jobs.<id>.outputs.<name> }}).',
  );
  return reports;
}
