/**
 * `gitlab-ci/syntax`, part two: names that must exist. `stage:` in `stages:`, `needs:`, `dependencies:`
 * and `extends:` naming real jobs, and no cycles through `needs` or `extends`. Skipped when some of the
 * pipeline is out of sight (another project's include, a template), since the name may be defined there.
 */
import { isMap, type Node } from 'yaml';
import type { Report } from '../../../engine/types';
import { nodeRange } from '../../../engine/yaml/nav';
import { extendsOf, isJob, jobValue, visibleJobs } from '../model/job-config';
import { catalogue } from '../model/keyword-catalogue';
import type { Pipeline } from '../model/pipeline';
import { booleanValue, text, type Located } from '../model/yaml-resolve';

type Reporter = (report: Report) => void;

export function checkReferences(pipeline: Pipeline, report: Reporter): void {
  const reported = new Set<Node>();
  const at = (located: Located, message: string) => {
    if (located.source !== pipeline.self || reported.has(located.node)) return;
    const range = nodeRange(pipeline.self.file.lines, located.node);
    if (!range) return;
    reported.add(located.node);
    report({ range, message });
  };
  checkStages(pipeline, at);
  if (pipeline.incomplete) return;
  const jobs = visibleJobs(pipeline).filter((name) => isJob(pipeline, name));
  const jobSet = new Set(jobs);
  const needsGraph = new Map<string, Array<{ target: string; at: Located }>>();
  for (const job of jobs) {
    const needs = needsOf(pipeline, job);
    needsGraph.set(job, needs);
    for (const need of needs) {
      if (!jobSet.has(need.target) && !jobSet.has(withoutMatrix(need.target)))
        at(need.at, unknownJob('needs', need.target, job));
    }
    for (const item of pipeline.resolver.items(jobValue(pipeline, job, 'dependencies'))) {
      const name = text(item);
      if (name !== undefined && !jobSet.has(name) && !jobSet.has(withoutMatrix(name)))
        at(item, unknownJob('dependencies', name, job));
    }
  }
  for (const name of pipeline.definitions.keys()) {
    for (const parent of extendsOf(pipeline, name)) {
      if (!pipeline.definitions.has(parent.name))
        at(parent.at, `'${name}' extends '${parent.name}', which is not defined in this pipeline.`);
    }
  }
  for (const { from, edge } of cycleEdges(needsGraph)) {
    at(
      edge.at,
      `'${from}' needs '${edge.target}', which leads back to '${from}' through needs: needs must not form a cycle.`,
    );
  }
  const extendsGraph = new Map(
    [...pipeline.definitions.keys()].map((name) => [
      name,
      extendsOf(pipeline, name).map((p) => ({ target: p.name, at: p.at })),
    ]),
  );
  for (const { from, edge } of cycleEdges(extendsGraph)) {
    at(
      edge.at,
      `'${from}' extends '${edge.target}', which leads back to '${from}' through extends: extends must not form a cycle.`,
    );
  }
}

function checkStages(pipeline: Pipeline, at: (located: Located, message: string) => void): void {
  const declared = pipeline.global('stages');
  // Without a root that declares them, stages may come from an include we cannot see.
  if (pipeline.incomplete && (!declared || pipeline.globalSource('stages') !== pipeline.root)) return;
  const stages = declared
    ? [...pipeline.resolver.items(declared).map(text), ...catalogue.alwaysStages]
    : catalogue.defaultStages;
  for (const job of visibleJobs(pipeline)) {
    if (!isJob(pipeline, job)) continue;
    const stage = jobValue(pipeline, job, 'stage');
    const name = text(stage);
    if (!stage || name === undefined || name.includes('$') || stages.includes(name)) continue;
    at(stage, `Stage '${name}' of job '${job}' is not in stages: (${stages.join(', ')}).`);
  }
}

/** The jobs a job needs, by name; cross-project and optional needs are left out (they need not exist here). */
function needsOf(pipeline: Pipeline, job: string): Array<{ target: string; at: Located }> {
  const { resolver } = pipeline;
  const needs: Array<{ target: string; at: Located }> = [];
  for (const item of resolver.items(jobValue(pipeline, job, 'needs'))) {
    if (isMap(item.node)) {
      if (
        resolver.get(item, 'project') ||
        resolver.get(item, 'pipeline') ||
        booleanValue(resolver.get(item, 'optional'))
      )
        continue;
      const target = resolver.get(item, 'job');
      const name = text(target);
      if (target && name !== undefined) needs.push({ target: name, at: target });
    } else {
      const name = text(item);
      if (name !== undefined) needs.push({ target: name, at: item });
    }
  }
  return needs;
}

/** `build: [linux, amd64]` names one instance of a `parallel: matrix` job called `build`. */
function withoutMatrix(name: string): string {
  return name.replace(/:\s*\[[^\]]*\]$/, '');
}

function unknownJob(keyword: string, target: string, job: string): string {
  return `Job '${job}' ${keyword === 'needs' ? 'needs' : 'depends on'} '${target}', which is not a job of this pipeline.`;
}

/** Edges that lie on a cycle: both ends in the same strongly connected component (Tarjan), or a self-loop. */
function cycleEdges<E extends { target: string }>(
  graph: ReadonlyMap<string, readonly E[]>,
): Array<{ from: string; edge: E }> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let counter = 0;
  let components = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    for (const { target } of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (!component.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      let member: string;
      do {
        member = stack.pop()!;
        component.set(member, components);
      } while (member !== node);
      components++;
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  const result: Array<{ from: string; edge: E }> = [];
  for (const [from, edges] of graph) {
    for (const edge of edges) {
      if (graph.has(edge.target) && component.get(edge.target) === component.get(from)) result.push({ from, edge });
    }
  }
  return result;
}
