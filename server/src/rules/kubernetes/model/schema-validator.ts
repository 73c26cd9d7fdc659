/**
 * Strict, offline validation of built-in Kubernetes objects against the generated field catalogue
 * (`schemas/kubernetes/catalogue.json`, see `scripts/generate-kubernetes-schema.ts` for its encoding).
 * It walks the YAML AST, so every problem has the exact range of the offending key or value.
 */
import { isAlias, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import catalogueData from '../../../../../schemas/kubernetes/catalogue.json';
import defaulted from '../data/defaulted-fields.json';
import type { LineIndex } from '../../../engine/line-index';
import { closest } from '../../../engine/text';
import type { Range } from '../../../engine/types';
import { entries, keyRange, mapGet, nodeRange } from '../../../engine/yaml/nav';
import type { KubernetesObject } from '../../../engine/kubernetes/objects';
import { firstKeyRange } from './anchors';
import { hasDefaultDirectives, type ItemMemo, type SchemaProblem } from './schema-memo';
import { apiGroup } from './workspace-index';

interface Catalogue {
  kinds: Record<string, string>;
  types: Record<string, { f: Record<string, string>; r?: string[] }>;
}
const catalogue = catalogueData as Catalogue;

/** How much of a whole object a document is held to. */
export interface ValidationContext {
  /** A patch (kustomize `patches`, or a `$patch` directive): a piece of an object, with no required fields. */
  partial: boolean;
  /** Kustomize adds the selector (`commonLabels`, `labels` with `includeSelectors`): a workload may omit it. */
  selectorInjected: boolean;
}

const WHOLE_OBJECT: ValidationContext = { partial: false, selectorInjected: false };

/** The context, and where the problems of list items are kept between checks of a file (see schema-memo.ts). */
interface Walk extends ValidationContext {
  memo?: ItemMemo;
}
const DEFAULTED = new Set(defaulted.fields);
/** Strategic-merge-patch directives: keys that only patches carry, and that the API server never sees. */
const PATCH_DIRECTIVE = /^\$(patch|retainKeys|setElementOrder\/|deleteFromPrimitiveList\/)/;

export type { SchemaProblem };

/**
 * Which apiVersions serve each built-in kind, to tell "wrong apiVersion" from "a CRD we do not know".
 * Built on first use: the bundles load the catalogue only when a manifest is checked (start-up time).
 */
let builtIns: { versionsByKind: Map<string, string[]>; builtInGroups: Set<string> } | undefined;
function servedVersions() {
  if (builtIns) return builtIns;
  const versionsByKind = new Map<string, string[]>();
  const builtInGroups = new Set<string>();
  for (const key of Object.keys(catalogue.kinds)) {
    const [apiVersion, kind] = key.split(' ');
    versionsByKind.set(kind, [...(versionsByKind.get(kind) ?? []), apiVersion]);
    builtInGroups.add(apiGroup(apiVersion));
  }
  return (builtIns = { versionsByKind, builtInGroups });
}

/** Kubernetes' own API groups; objects of any other group are custom resources, created and acted on by operators. */
export function isBuiltInApiVersion(apiVersion: string): boolean {
  return servedVersions().builtInGroups.has(apiGroup(apiVersion));
}

/** Port fields and the lowest value each accepts (0 means "not set" for host and node ports). */
const PORT_FIELDS: Record<string, number> = { containerPort: 1, hostPort: 0, port: 1, targetPort: 1, nodePort: 0 };
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?\d+)?$/;
/**
 * kubectl reads YAML with YAML 1.1 rules, where these unquoted words are booleans (YAML 1.2, which
 * this parser follows, reads them as strings): `value: yes` is rejected, `privileged: on` accepted.
 */
const YAML11_BOOLEAN = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

export function validateObject(
  object: KubernetesObject,
  lines: LineIndex,
  context: ValidationContext = WHOLE_OBJECT,
  memo?: ItemMemo,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const typeName = catalogue.kinds[`${object.apiVersion} ${object.kind}`];
  if (!typeName) {
    const { versionsByKind, builtInGroups } = servedVersions();
    const served = versionsByKind.get(object.kind);
    const apiVersionNode = mapGet(object.node, 'apiVersion');
    const range = nodeRange(lines, apiVersionNode);
    // A kind we know under an apiVersion of a built-in group that does not serve it: a real mistake.
    // Any other group is a CRD (or an OpenShift type) we have no schema for, and gets no errors.
    if (served && range && builtInGroups.has(apiGroup(object.apiVersion))) {
      problems.push({
        range,
        message: `${object.kind} is not served by apiVersion ${object.apiVersion}: use ${preferred(served)}.`,
      });
    }
    return problems;
  }
  const kindRange = nodeRange(lines, mapGet(object.node, 'kind'));
  checkNode(
    object.node,
    typeName,
    kindRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    lines,
    problems,
    '',
    { ...context, memo: memo && hasDefaultDirectives(object.document) ? memo : undefined },
  );
  return problems;
}

function checkNode(
  node: unknown,
  type: string,
  where: Range,
  lines: LineIndex,
  problems: SchemaProblem[],
  field: string,
  context: Walk,
): void {
  // A null value is how YAML writes an empty field; Kubernetes treats it as absent. Aliases point elsewhere.
  if (node === null || node === undefined || isAlias(node) || type === '*') return;
  if (isScalar(node) && node.value === null) return;
  const range = nodeRange(lines, node as Node) ?? where;
  const report = (message: string, data?: SchemaProblem['data']): void => {
    problems.push({ range, message, data });
  };

  if (type.startsWith('[')) {
    if (!isSeq(node)) return report(`${label(field)} must be a list, not ${describe(node)}.`);
    const itemType = type.slice(1, -1);
    for (const item of node.items) {
      // A list item missing a required field is pointed at by its first key (`- name: http`).
      const itemRange = firstKeyRange(lines, item) ?? nodeRange(lines, item as Node) ?? range;
      const check = (into: SchemaProblem[]) => checkNode(item, itemType, itemRange, lines, into, field, context);
      if (context.memo && isMap(item) && item.range) {
        const key = `${itemType}\0${field}\0${context.partial}\0${context.selectorInjected}`;
        context.memo.problems(lines, item, key, problems, check);
      } else check(problems);
    }
    return;
  }
  if (type.startsWith('{')) {
    if (!isMap(node)) return report(`${label(field)} must be a mapping, not ${describe(node)}.`);
    for (const { key, pair } of entries(node)) {
      if (PATCH_DIRECTIVE.test(key)) continue;
      checkNode(pair.value, type.slice(1, -1), keyRange(lines, pair) ?? range, lines, problems, key, context);
    }
    return;
  }
  const definition = catalogue.types[type];
  if (definition) return checkFields(node, type, definition, where, range, lines, problems, field, context);
  if (!isScalar(node)) return report(`${label(field)} must be ${expected(type)}, not ${describe(node)}.`);
  checkScalar(node, type, field, report);
}

function checkFields(
  node: unknown,
  type: string,
  definition: Catalogue['types'][string],
  where: Range,
  range: Range,
  lines: LineIndex,
  problems: SchemaProblem[],
  field: string,
  context: Walk,
): void {
  if (!isMap(node)) {
    problems.push({
      range,
      message: `${label(field)} must be a mapping (${displayName(type)}), not ${describe(node)}.`,
    });
    return;
  }
  const present = new Set<string>();
  for (const { key, pair } of entries(node)) {
    present.add(key);
    const fieldRange = keyRange(lines, pair) ?? range;
    const fieldType = definition.f[key];
    if (fieldType === undefined) {
      if (key === '<<') continue; // a YAML merge key, resolved by the parser
      if (PATCH_DIRECTIVE.test(key)) continue;
      const suggestion = closest(key, Object.keys(definition.f));
      problems.push({
        range: fieldRange,
        message: `Unknown field '${key}' in ${displayName(type)}${suggestion ? `: did you mean '${suggestion}'?` : '.'}`,
        data: suggestion ? { field: key, suggestion } : undefined,
      });
      continue;
    }
    checkNode(pair.value, fieldType, fieldRange, lines, problems, key, context);
  }
  if (context.partial) return;
  for (const required of definition.r ?? []) {
    if (DEFAULTED.has(`${displayName(type)}.${required}`)) continue;
    if (required === 'selector' && context.selectorInjected) continue;
    if (!present.has(required) && !(required === 'apiVersion' || required === 'kind')) {
      problems.push({ range: where, message: `${displayName(type)} is missing the required field '${required}'.` });
    }
  }
}

function checkScalar(node: Scalar, type: string, field: string, report: (message: string) => void): void {
  const value = node.value;
  const text = typeof node.source === 'string' ? node.source : String(value);
  switch (type) {
    case 's':
      if (typeof value !== 'string') report(`${label(field)} must be a string: quote it ("${text}").`);
      else if (node.type === 'PLAIN' && YAML11_BOOLEAN.test(value))
        report(
          `${label(field)} must be a string, but kubectl reads an unquoted ${value} as a boolean: quote it ("${value}").`,
        );
      return;
    case 'b':
      if (
        typeof value === 'boolean' ||
        (node.type === 'PLAIN' && typeof value === 'string' && YAML11_BOOLEAN.test(value))
      )
        return;
      report(`${label(field)} must be true or false${typeof value === 'string' ? ', without quotes' : ''}.`);
      return;
    case 'n':
      if (typeof value !== 'number')
        report(
          `${label(field)} must be a number${typeof value === 'string' && /^\d+$/.test(value) ? ', without quotes' : ''}.`,
        );
      else checkPort(value, field, report);
      return;
    case 'io':
      if (typeof value === 'number') checkPort(value, field, report);
      else if (typeof value !== 'string') report(`${label(field)} must be a number or a name.`);
      return;
    case 'q':
      if (typeof value !== 'number' && !(typeof value === 'string' && QUANTITY.test(value))) {
        report(
          `${label(field)} is not a valid quantity: '${text}'. Use a number with a suffix such as 500m, 512Mi or 2Gi.`,
        );
      }
      return;
  }
  if (type.includes('|')) {
    const allowed = type.split('|');
    if (typeof value === 'string' && allowed.includes(value)) return;
    const suggestion = closest(String(value), allowed);
    report(
      `${label(field)} must be one of ${allowed.join(', ')}${suggestion ? `: did you mean '${suggestion}'?` : '.'}`,
    );
  }
}

function checkPort(value: number, field: string, report: (message: string) => void): void {
  const lowest = PORT_FIELDS[field];
  if (lowest === undefined) return;
  if (!Number.isInteger(value) || value < lowest || value > 65535)
    report(`${label(field)} must be a port number from ${lowest} to 65535, not ${value}.`);
}

function label(field: string): string {
  return field ? `'${field}'` : 'This object';
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node))
    return typeof node.value === 'string' ? 'a string' : `the ${typeof node.value} ${String(node.value)}`;
  return 'this';
}

function expected(type: string): string {
  return type.startsWith('[') ? 'a list' : type.startsWith('{') ? 'a mapping' : 'a single value';
}

/** `ApiCoreV1Container` → `Container`, for messages. */
export function displayName(type: string): string {
  return /^.*?V\d+(?:alpha\d+|beta\d+)?([A-Z].*)$/.exec(type)?.[1] ?? type;
}

/** The stable version if there is one, else the newest listed. */
function preferred(versions: string[]): string {
  return versions.find((version) => /\/v\d+$|^v\d+$/.test(version)) ?? versions[versions.length - 1];
}
