/**
 * The Compose project a file belongs to: its services, named volumes and networks, with YAML merge keys
 * (`<<: *anchor`) expanded, plus those of the other Compose files in the same folder, which Compose
 * merges in (`compose.override.yaml`, `-f` stacks). Built once per parsed file and workspace version.
 */
import { isAlias, isMap, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { WorkspaceView, YamlFile } from '../../../engine/types';
import { directoryOf } from '../../../engine/paths';
import { withMergeKeys } from '../../../engine/yaml/nav';

export interface ComposeEntry {
  key: string;
  pair: Pair<Scalar, Node | null>;
  /** The value with aliases followed. */
  value: Node | undefined;
  merged: boolean;
}

export interface ComposeService {
  name: string;
  pair: Pair<Scalar, Node | null>;
  /** The service's value with aliases followed: a mapping when the file is right. */
  value: Node | undefined;
  entries: ComposeEntry[];
  get(key: string): Node | undefined;
}

export interface ComposeProject {
  document: Document.Parsed | undefined;
  root: YAMLMap | undefined;
  services: ComposeService[];
  /** Service, volume and network names of this file and its siblings. */
  serviceNames: Set<string>;
  volumeNames: Set<string>;
  networkNames: Set<string>;
  /** Services of this file and its siblings, by name, for cross-service checks. */
  serviceByName: Map<string, ComposeService>;
  /** `include:` pulls in other projects whose names we do not read. */
  hasInclude: boolean;
  entries(map: unknown): ComposeEntry[];
}

/** Projects by file, for the workspace version they were built at: a sibling's edit changes the project. */
const cache = new WeakMap<YamlFile<'compose'>, { version: number; project: ComposeProject }>();

export function composeProject(file: YamlFile<'compose'>, workspace: WorkspaceView): ComposeProject {
  const version = workspace.version;
  const cached = cache.get(file);
  if (cached && version !== undefined && cached.version === version) return cached.project;
  const project = buildProject(file, workspace);
  if (version !== undefined) cache.set(file, { version, project });
  return project;
}

function buildProject(file: YamlFile<'compose'>, workspace: WorkspaceView): ComposeProject {
  const own = readFile(file);
  const project: ComposeProject = {
    ...own,
    serviceNames: new Set(),
    volumeNames: new Set(),
    networkNames: new Set(),
    serviceByName: new Map(),
  };
  const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
  const siblings = [...workspace.filesIn(directoryOf(file.path), 'compose')].filter(
    (other) => other !== file && other.path.slice(0, other.path.lastIndexOf('/') + 1) === folder,
  );
  for (const part of [...siblings.map(readFile), own]) {
    for (const service of part.services) {
      project.serviceNames.add(service.name);
      project.serviceByName.set(service.name, service);
    }
    for (const name of keysOf(part, 'volumes')) project.volumeNames.add(name);
    for (const name of keysOf(part, 'networks')) project.networkNames.add(name);
    if (part.entries(part.root).some((entry) => entry.key === 'include')) project.hasInclude = true;
  }
  return project;
}

function readFile(
  file: YamlFile<'compose'>,
): Omit<ComposeProject, 'serviceNames' | 'volumeNames' | 'networkNames' | 'serviceByName'> {
  const document = file.documents[0];
  const root = document && isMap(document.contents) ? document.contents : undefined;
  const entries = (map: unknown) => mergedEntries(map, document);
  const services: ComposeService[] = [];
  const servicesNode = entries(root).find((entry) => entry.key === 'services')?.value;
  for (const entry of entries(servicesNode)) {
    const serviceEntries = entries(entry.value);
    services.push({
      name: entry.key,
      pair: entry.pair,
      value: entry.value,
      entries: serviceEntries,
      get: (key) => serviceEntries.find((e) => e.key === key)?.value,
    });
  }
  return { document, root, services, hasInclude: false, entries };
}

function keysOf(part: { root: YAMLMap | undefined; entries(map: unknown): ComposeEntry[] }, section: string): string[] {
  const node = part.entries(part.root).find((entry) => entry.key === section)?.value;
  return part.entries(node).map((entry) => entry.key);
}

/** Map entries with `<<` merges expanded (written keys win), values with aliases followed. */
function mergedEntries(map: unknown, document: Document.Parsed | undefined, depth = 0): ComposeEntry[] {
  const target = deref(map, document);
  if (!isMap(target) || depth > 10) return [];
  return withMergeKeys<ComposeEntry>(
    target,
    (key, pair) => ({ key, pair, value: deref(pair.value, document), merged: false }),
    (value) => (isSeq(value) ? value.items : [value]).flatMap((source) => mergedEntries(source, document, depth + 1)),
  );
}

function deref(node: unknown, document: Document.Parsed | undefined): Node | undefined {
  if (isAlias(node)) return document ? (node.resolve(document) as Node | undefined) : undefined;
  return (node ?? undefined) as Node | undefined;
}
