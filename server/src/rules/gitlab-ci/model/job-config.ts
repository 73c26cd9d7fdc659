/**
 * A job's effective configuration, as GitLab computes it: the job's own keys (all its definitions,
 * the last file winning), then what it `extends` (the last parent winning), then `default:`.
 */
import { isMap } from 'yaml';
import type { JobDefinition, Pipeline } from './pipeline';
import { text, type Located } from './yaml-resolve';
import { catalogue } from './keyword-catalogue';

const MAX_EXTENDS_DEPTH = 11;

/** A keyword as the job sees it through its own definitions and `extends`, without `default:`. */
export function jobValue(pipeline: Pipeline, job: string, key: string, seen = new Set<string>()): Located | undefined {
  const definitions = pipeline.definitions.get(job);
  if (!definitions || seen.has(job) || seen.size > MAX_EXTENDS_DEPTH) return undefined;
  seen.add(job);
  for (const definition of [...definitions].reverse()) {
    const own = pipeline.resolver.get(pipeline.resolver.deref(definition.pair.value, definition.source), key);
    if (own) return own;
  }
  for (const parent of [...extendsOf(pipeline, job)].reverse()) {
    const inherited = jobValue(pipeline, parent.name, key, seen);
    if (inherited) return inherited;
  }
  return undefined;
}

/** The job's value, falling back to `default:` (and the old top-level form) unless `inherit:default` opts out. */
export function effectiveValue(pipeline: Pipeline, job: string, key: string): Located | undefined {
  const own = jobValue(pipeline, job, key);
  if (own || !catalogue.subkeys.default.includes(key) || !inheritsDefault(pipeline, job, key)) return own;
  return (
    pipeline.resolver.get(pipeline.global('default'), key) ??
    (key in catalogue.global ? pipeline.global(key) : undefined)
  );
}

export interface ExtendsTarget {
  name: string;
  /** The scalar naming the parent, for reports. */
  at: Located;
}

/** The parents a job names in `extends:` (one name or a list), from its effective `extends`. */
export function extendsOf(pipeline: Pipeline, job: string): ExtendsTarget[] {
  const definitions = pipeline.definitions.get(job) ?? [];
  for (const definition of [...definitions].reverse()) {
    const value = pipeline.resolver.get(pipeline.resolver.deref(definition.pair.value, definition.source), 'extends');
    if (!value) continue;
    const items = text(value) !== undefined ? [value] : pipeline.resolver.items(value);
    return items.flatMap((item) => {
      const name = text(item);
      return name === undefined ? [] : [{ name, at: item }];
    });
  }
  return [];
}

function inheritsDefault(pipeline: Pipeline, job: string, key: string): boolean {
  const inherit = jobValue(pipeline, job, 'inherit');
  const setting = pipeline.resolver.get(inherit, 'default');
  if (!setting) return true;
  const flag = text(setting);
  if (flag !== undefined) return !/^(false|no|off)$/i.test(flag);
  return pipeline.resolver.items(setting).some((item) => text(item) === key);
}

/** Visible jobs (not `.hidden` templates), each once, in source order. */
export function visibleJobs(pipeline: Pipeline): string[] {
  return [...pipeline.definitions.keys()].filter((name) => !name.startsWith('.'));
}

/** A job's definitions that are written in the file being checked. */
export function definitionsHere(pipeline: Pipeline, job: string) {
  return (pipeline.definitions.get(job) ?? []).filter((definition) => definition.source === pipeline.self);
}

/** Visible jobs (mappings) with a definition written in the file being checked, and that definition. */
export function jobsHere(pipeline: Pipeline): Array<{ name: string; definition: JobDefinition; map: Located }> {
  const result: Array<{ name: string; definition: JobDefinition; map: Located }> = [];
  for (const name of visibleJobs(pipeline)) {
    const definition = definitionsHere(pipeline, name)[0];
    const map = definition && pipeline.resolver.deref(definition.pair.value, definition.source);
    if (definition && map && isMap(map.node)) result.push({ name, definition, map });
  }
  return result;
}

/** The job's `when:` (own or inherited), `on_success` when unset. */
export function jobWhen(pipeline: Pipeline, job: string): string {
  return text(jobValue(pipeline, job, 'when')) ?? 'on_success';
}

/** Whether a top-level name is a job: some definition of it is a mapping. */
export function isJob(pipeline: Pipeline, name: string): boolean {
  return (pipeline.definitions.get(name) ?? []).some((definition) => {
    const value = pipeline.resolver.deref(definition.pair.value, definition.source);
    return value !== undefined && isMap(value.node);
  });
}
