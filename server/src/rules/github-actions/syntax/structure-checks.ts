/**
 * What GitHub's parser leaves to run time: references to steps and matrix keys that do not exist,
 * `needs` naming unknown jobs or forming cycles, schedules more frequent than GitHub runs them. Reported by `github-actions/syntax`.
 */
import { isMap, isNode, isScalar, type Node, type YAMLMap } from 'yaml';
import type { GitHubActionsFile, Report } from '../../../engine/types';
import { asMap, asSeq, entries, getIn, keyRange, mapGet, nodeRange, scalarString } from '../../../engine/yaml/nav';
import { closest } from '../../../engine/text';
import { eventProblems } from './event-checks';
import { contextRefsUnder } from '../model/expression-refs';
import { hasCronIntervalLessThan5Minutes } from '../parser/workflow-parser.bundle.js';
import { jobSteps, jobsOf, triggersOf, workflowRoot, type JobRef } from '../model/workflow-model';
import { jobMatrix, matrixKeyOf, matrixValueNodes } from '../model/matrix-values';

export function structureProblems(file: GitHubActionsFile): Report[] {
  const reports: Report[] = [];
  if (file.flavor === 'action') {
    const steps = (asSeq(getIn(file.documents[0]?.contents, ['runs', 'steps']))?.items ?? []).map(asMap);
    reports.push(...stepReferenceProblems(file, steps, getIn(file.documents[0]?.contents, ['outputs'])));
    return reports;
  }
  for (const job of jobsOf(file)) {
    reports.push(...stepIdCaseProblems(file, jobSteps(job.job)));
    reports.push(...stepReferenceProblems(file, jobSteps(job.job), mapGet(job.job, 'outputs')));
    reports.push(...matrixProblems(file, job), ...runsOnMatrixObjects(file, job));
  }
  reports.push(...needsCycles(file), ...cronProblems(file), ...eventProblems(file));
  return reports;
}

/**
 * GitHub compares step ids without case (the runner's id set ignores case), so `STEP_ID` after `step_id`
 * is a duplicate it rejects. The parser reports ids written the same; those differing only in case are ours.
 */
function stepIdCaseProblems(file: GitHubActionsFile, steps: YAMLMap[]): Report[] {
  const reports: Report[] = [];
  const seen = new Map<string, string>();
  for (const step of steps) {
    const node = mapGet(step, 'id');
    const id = scalarString(node);
    if (!id || id.includes('${{')) continue;
    const earlier = seen.get(id.toLowerCase());
    const range = earlier !== undefined && earlier !== id ? nodeRange(file.lines, node) : undefined;
    if (range)
      reports.push({
        range,
        message: `Step id '${id}' is already used in this job as '${earlier}': GitHub compares step ids without case and rejects the workflow.`,
      });
    if (earlier === undefined) seen.set(id.toLowerCase(), id);
  }
  return reports;
}

/** `steps.<id>` must name a step before the one reading it (or any step, for outputs read after the job). */
function stepReferenceProblems(file: GitHubActionsFile, steps: Array<YAMLMap | undefined>, outputs: unknown): Report[] {
  const reports: Report[] = [];
  const ids = steps.map((step) => scalarString(mapGet(step, 'id'))?.toLowerCase());
  const check = (node: unknown, visible: Set<string>, where: string) => {
    for (const ref of contextRefsUnder(file, node)) {
      const match = /^steps\.([^.]+)/.exec(ref.path);
      if (!match || match[1] === '*' || visible.has(match[1])) continue;
      const later = ids.includes(match[1]);
      reports.push({
        range: ref.range,
        message: later
          ? `Step '${match[1]}' runs after ${where}, so steps.${match[1]} is empty here.`
          : `No step with id '${match[1]}' ${where === 'the job' ? 'in this job' : 'before this one'}: steps.${match[1]} is always empty. Known ids: ${knownIds(ids)}.`,
      });
    }
  };
  steps.forEach((step, index) =>
    check(step, new Set(ids.slice(0, index).filter((id): id is string => !!id)), 'this step'),
  );
  check(outputs, new Set(ids.filter((id): id is string => !!id)), 'the job');
  return reports;
}

function knownIds(ids: Array<string | undefined>): string {
  const known = ids.filter((id): id is string => !!id);
  return known.length ? known.join(', ') : 'none (give the step an id:)';
}

/** `matrix.<key>` must be a key of the job's matrix (rows or `include` entries). */
function matrixProblems(file: GitHubActionsFile, job: JobRef): Report[] {
  const strategy = mapGet(job.job, 'strategy');
  const matrix = getIn(strategy, ['matrix']);
  // A strategy or matrix computed by an expression (`strategy: ${{ fromJSON(needs.setup.outputs.strategy) }}`,
  // as docker-library's generated CI does) has keys we cannot know: matrix.* is unknown, not missing.
  if ((strategy !== undefined && strategy !== null && !isMap(strategy)) || (matrix !== undefined && !isMap(matrix)))
    return [];
  if (isMap(matrix) && entries(matrix).some(({ key }) => key.includes('${{'))) return [];
  const keys = new Set<string>();
  for (const { key, pair } of entries(matrix)) {
    if (key !== 'include' && key !== 'exclude') keys.add(key.toLowerCase());
    if (key === 'include') {
      if (!asSeq(pair.value)) return [];
      for (const row of asSeq(pair.value)?.items ?? []) {
        if (!isMap(row)) return [];
        for (const entry of entries(row)) keys.add(entry.key.toLowerCase());
      }
    }
  }
  const reports: Report[] = excludeProblems(file, matrix, keys);
  for (const ref of contextRefsUnder(file, job.job, ['strategy'])) {
    const match = /^matrix\.([^.]+)/.exec(ref.path);
    if (!match || match[1] === '*' || keys.has(match[1])) continue;
    reports.push({
      range: ref.range,
      message: isMap(matrix)
        ? `The matrix of job '${job.id}' has no key '${match[1]}' (keys: ${[...keys].join(', ') || 'none'}): matrix.${match[1]} is always empty.`
        : `Job '${job.id}' has no strategy.matrix, so matrix.${match[1]} is always empty.`,
    });
  }
  return reports;
}

/** `runs-on: ${{ matrix.<key> }}` where the key's values are mappings: no runner label is an object. */
function runsOnMatrixObjects(file: GitHubActionsFile, job: JobRef): Report[] {
  const runsOn = mapGet(job.job, 'runs-on');
  const items = isScalar(runsOn) ? [runsOn] : (asSeq(mapGet(runsOn, 'labels') ?? runsOn)?.items ?? []);
  return items.flatMap((item) => {
    const key = matrixKeyOf(scalarString(item) ?? '');
    // A mapping of `group`/`labels` is runs-on's own long form, which an expression may well produce.
    const objects = key
      ? (matrixValueNodes(jobMatrix(job.job), key) ?? [])
          .filter(isMap)
          .filter((row) => entries(row).some((e) => e.key !== 'group' && e.key !== 'labels'))
      : [];
    const range = objects.length > 0 ? nodeRange(file.lines, item as Node) : undefined;
    if (!range) return [];
    return [
      {
        range,
        message: `runs-on reads matrix.${key}, whose values include a mapping (${JSON.stringify(objects[0].toJSON())}): a runner label is a string. Name the property meant (matrix.${key}.<name>).`,
      },
    ];
  });
}

/**
 * GitHub refuses a matrix whose `exclude` rows name a key the matrix does not have; a row whose value
 * matches none of the key's values is accepted but excludes nothing, so the combination still runs.
 */
function excludeProblems(file: GitHubActionsFile, matrix: unknown, keys: Set<string>): Report[] {
  const reports: Report[] = [];
  for (const row of asSeq(mapGet(matrix, 'exclude'))?.items ?? []) {
    for (const { key, pair } of entries(row)) {
      if (key.includes('${{')) continue;
      if (!keys.has(key.toLowerCase())) {
        const range = keyRange(file.lines, pair);
        if (range)
          reports.push({
            range,
            message: `exclude names '${key}', which is not a key of the matrix (keys: ${[...keys].join(', ') || 'none'}): GitHub rejects the matrix.`,
          });
        continue;
      }
      const values = valuesOfKey(matrix, key);
      const excluded: unknown = isNode(pair.value) ? pair.value.toJSON() : pair.value;
      if (!values || hasExpression(excluded) || values.some((value) => partialMatch(excluded, value))) continue;
      const range = nodeRange(file.lines, pair.value);
      if (range) {
        reports.push({
          range,
          message: `This exclude value of '${key}' matches none of its values (${values.map((v) => JSON.stringify(v)).join(', ')}), so it excludes nothing and that combination still runs.`,
        });
      }
    }
  }
  return reports;
}

/** Every value a matrix key takes (its list and `include` rows), or undefined when an expression decides. */
function valuesOfKey(matrix: unknown, key: string): unknown[] | undefined {
  const values = matrixValueNodes(matrix, key)?.map((node) => node.toJSON() as unknown);
  return !values || values.some(hasExpression) ? undefined : values;
}

/** As GitHub matches exclude rows: every field written must be there with the same value; lists whole. */
function partialMatch(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern))
    return (
      Array.isArray(value) && value.length === pattern.length && pattern.every((p, i) => partialMatch(p, value[i]))
    );
  if (isRecord(pattern))
    return isRecord(value) && Object.entries(pattern).every(([k, p]) => k in value && partialMatch(p, value[k]));
  return !Array.isArray(value) && !isRecord(value) && String(pattern) === String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExpression(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes('${{');
}

/**
 * Jobs that wait on each other never start. GitHub's parser reports this only when some job has no needs.
 * A cycle has no one wrong token: it is reported on the key of its job written first in the file (where
 * actionlint reports it too), and named from there.
 */
function needsCycles(file: GitHubActionsFile): Report[] {
  const needs = new Map<string, Array<{ target: string; node: Node }>>();
  const jobKeys = new Map<string, { id: string; key: Node }>();
  for (const job of jobsOf(file)) {
    const value = mapGet(job.job, 'needs');
    const items = isScalar(value) ? [value] : (asSeq(value)?.items ?? []);
    needs.set(
      job.id,
      items.flatMap((item) => {
        const target = scalarString(item);
        return target && isScalar(item) ? [{ target, node: item as Node }] : [];
      }),
    );
    if (!jobKeys.has(job.id.toLowerCase())) jobKeys.set(job.id.toLowerCase(), { id: job.id, key: job.pair.key });
  }
  const reports: Report[] = needsTargetProblems(file, needs);
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]) => {
    state.set(id, 'visiting');
    for (const edge of needs.get(jobKeys.get(id)?.id ?? id) ?? []) {
      const target = edge.target.toLowerCase();
      if (state.get(target) === 'visiting') {
        // The target is an ancestor on the current path, or the job itself (a job that needs itself).
        const at = path.indexOf(target);
        const report = cycleReport(file, at < 0 ? [id] : [...path.slice(at), id], jobKeys);
        if (report) reports.push(report);
      } else if (!state.has(target) && jobKeys.has(target)) {
        visit(target, [...path, id]);
      }
    }
    state.set(id, 'done');
  };
  for (const id of jobKeys.keys()) if (!state.has(id)) visit(id, []);
  return reports;
}

/** The cycle (lower-cased ids, each needing the next, the last needing the first), from its first job in the file. */
function cycleReport(
  file: GitHubActionsFile,
  cycle: string[],
  jobKeys: ReadonlyMap<string, { id: string; key: Node }>,
): Report | undefined {
  const offsets = cycle.map((id) => jobKeys.get(id)?.key.range?.[0] ?? Infinity);
  const first = offsets.indexOf(Math.min(...offsets));
  const ordered = [...cycle.slice(first), ...cycle.slice(0, first + 1)].map((id) => jobKeys.get(id)?.id ?? id);
  const range = nodeRange(file.lines, jobKeys.get(cycle[first])?.key);
  return range && { range, message: `needs cycle: ${ordered.join(' → ')}. None of these jobs can ever start.` };
}

/**
 * `needs` naming no job, or the same job twice. The parser names unknown jobs only when some job has no
 * needs at all; we always do, with the closest job id.
 */
function needsTargetProblems(
  file: GitHubActionsFile,
  needs: Map<string, Array<{ target: string; node: Node }>>,
): Report[] {
  const reports: Report[] = [];
  const known = new Set([...needs.keys()].map((id) => id.toLowerCase()));
  for (const [id, edges] of needs) {
    const seen = new Set<string>();
    for (const { target, node } of edges) {
      const range = nodeRange(file.lines, node);
      if (!range || target.includes('${{')) continue;
      if (!known.has(target.toLowerCase())) {
        const suggestion = closest(target, needs.keys());
        reports.push({
          range,
          message: `Job '${id}' needs job '${target}', which does not exist in this workflow${suggestion ? `: did you mean '${suggestion}'?` : '.'}`,
        });
      } else if (seen.has(target.toLowerCase())) {
        reports.push({
          range,
          message: `Job '${target}' is listed twice in the needs of '${id}' (job ids are compared without case).`,
        });
      }
      seen.add(target.toLowerCase());
    }
  }
  return reports;
}

/** GitHub runs schedules at most every 5 minutes; a tighter cron silently runs less often than written. */
function cronProblems(file: GitHubActionsFile): Report[] {
  const reports: Report[] = [];
  if (!triggersOf(file).has('schedule')) return reports;
  for (const item of asSeq(getIn(workflowRoot(file), ['on', 'schedule']))?.items ?? []) {
    const node = mapGet(item, 'cron');
    const cron = scalarString(node);
    const range = nodeRange(file.lines, node);
    if (cron && range && hasCronIntervalLessThan5Minutes(cron)) {
      reports.push({
        range,
        message: `Schedule '${cron}' asks for runs less than 5 minutes apart; GitHub runs scheduled workflows at most every 5 minutes.`,
      });
    }
  }
  return reports;
}
