import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { closest } from '../../engine/text';
import type { Report, Rule } from '../../engine/types';
import { nodeRange } from '../../engine/yaml/nav';
import data from '../../../../schemas/compose/keys.json';
import { reportParseProblems } from '../shared/parse-problems';
import { scalarSliceRange } from '../shared/yaml-scalar';
import { composeProject, type ComposeEntry, type ComposeProject, type ComposeService } from './model/project';
import { namedVolumeSource } from './model/volumes';

type ValueType = 'scalar' | 'array' | 'map';
const TOP_LEVEL = data.topLevel as Record<string, ValueType[]>;
const SERVICE = data.service as Record<string, ValueType[]>;

export const syntax: Rule<'compose'> = {
  id: 'compose/syntax',
  kind: 'compose',
  defaultSeverity: 'error',
  docs: {
    summary:
      'Compose files that Docker Compose rejects: YAML errors, unknown keys, wrong types and references to undefined services, volumes or networks.',
  },
  aliases: [],
  templates: 'skip',
  scope: 'workspace',
  check(context) {
    reportParseProblems(context);
    if (context.file.parseProblems.length > 0) return;
    const project = composeProject(context.file, context.workspace);
    const report = (node: Node | null | undefined, message: string) => {
      const range = nodeRange(context.file.lines, node);
      if (range) context.report({ range, message });
    };
    for (const entry of project.entries(project.root)) {
      if (entry.merged || entry.key.startsWith('x-')) continue;
      if (!(entry.key in TOP_LEVEL)) unknownKey(entry, Object.keys(TOP_LEVEL), 'top-level key', report);
      else checkType(entry, TOP_LEVEL[entry.key], report);
    }
    for (const service of project.services) {
      if (
        service.value !== undefined &&
        !isMap(service.value) &&
        !(isScalar(service.value) && service.value.value === null)
      ) {
        report(service.pair.value, `Service '${service.name}' must be a mapping of service keys.`);
        continue;
      }
      checkService(service, project, context.file.lines, (r) => context.report(r), report);
    }
  },
};

function checkService(
  service: ComposeService,
  project: ComposeProject,
  lines: import('../../engine/line-index').LineIndex,
  reportAt: (report: Report) => void,
  report: (node: Node | null | undefined, message: string) => void,
): void {
  for (const entry of service.entries) {
    if (entry.merged || entry.key.startsWith('x-')) continue;
    if (!(entry.key in SERVICE)) unknownKey(entry, Object.keys(SERVICE), `key of service '${service.name}'`, report);
    else checkType(entry, SERVICE[entry.key], report);
  }
  // Names defined in an `include:`d project are out of sight.
  if (project.hasInclude) return;
  for (const target of dependencyNames(service.get('depends_on'))) {
    if (!project.serviceNames.has(String(target.value)))
      report(
        target,
        `Service '${service.name}' depends on '${String(target.value)}', which is not a service of this project.`,
      );
  }
  const volumes = service.get('volumes');
  for (const item of isSeq(volumes) ? volumes.items : []) {
    const source = namedVolumeSource(item);
    if (!source || project.volumeNames.has(source.name)) continue;
    const range = source.slice
      ? scalarSliceRange(item, lines, source.slice.start, source.slice.end)
      : nodeRange(lines, source.node);
    if (range)
      reportAt({
        range,
        message: `Volume '${source.name}' of service '${service.name}' is not declared under the top-level volumes: key.`,
      });
  }
  const networks = service.get('networks');
  for (const network of isSeq(networks)
    ? networks.items
    : isMap(networks)
      ? networks.items.map((pair) => pair.key)
      : []) {
    if (!isScalar(network) || network.value === 'default' || project.networkNames.has(String(network.value))) continue;
    report(
      network as Node,
      `Network '${String(network.value)}' of service '${service.name}' is not declared under the top-level networks: key.`,
    );
  }
}

function dependencyNames(dependsOn: Node | undefined): Array<Node & { value: unknown }> {
  const names = isSeq(dependsOn) ? dependsOn.items : isMap(dependsOn) ? dependsOn.items.map((pair) => pair.key) : [];
  return names.filter((name): name is Node & { value: unknown } => isScalar(name));
}

function unknownKey(
  entry: ComposeEntry,
  known: string[],
  what: string,
  report: (node: Node | null | undefined, message: string) => void,
): void {
  const suggestion = closest(entry.key, known);
  report(entry.pair.key, `Unknown ${what} '${entry.key}'${suggestion ? `: did you mean '${suggestion}'?` : '.'}`);
}

function checkType(
  entry: ComposeEntry,
  types: readonly ValueType[],
  report: (node: Node | null | undefined, message: string) => void,
): void {
  const value = entry.value;
  // An empty value is Compose's own business (`networks:` with nothing under it is valid).
  if (value === undefined || (isScalar(value) && value.value === null)) return;
  const type: ValueType = isMap(value) ? 'map' : isSeq(value) ? 'array' : 'scalar';
  if (types.includes(type)) return;
  const words: Record<ValueType, string> = { scalar: 'a single value', array: 'a list', map: 'a mapping' };
  report(entry.pair.value, `'${entry.key}' must be ${types.map((t) => words[t]).join(' or ')}.`);
}
