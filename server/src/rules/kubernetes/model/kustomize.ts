/**
 * How kustomize uses the manifests of a workspace, read from its `kustomization.yaml` files: which
 * files are resources applied together, which are patches (pieces of objects, not objects), and which
 * labels kustomize adds to the selectors of a resource (`commonLabels`, `labels` with
 * `includeSelectors`), so that a base may leave them out. See https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/.
 */
import { posix } from 'node:path';
import { parse } from 'yaml';
import type { KubernetesFile, WorkspaceView } from '../../../engine/types';
import { directoryOf } from '../../../engine/paths';

export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

interface Kustomization {
  path: string;
  /** Files and folders (resolved, absolute) listed as resources, bases or components. */
  resources: string[];
  patches: string[];
  /** Labels kustomize adds to the selectors of every resource it builds. */
  selectorLabels: Record<string, string>;
}

export interface KustomizeIndex {
  /** Listed as a patch by some kustomization: a piece of an object, merged into one defined elsewhere. */
  isPatch(path: string): boolean;
  /** Labels the kustomizations listing this file add to its selectors and pod templates. */
  selectorLabels(path: string): Record<string, string>;
  /** Some kustomization building this file (itself or an overlay) adds selector labels: it may omit its selector. */
  mayOmitSelector(path: string): boolean;
  /**
   * The files applied together with this one: the resources of the kustomizations that list it, with
   * their bases; undefined when no kustomization lists it.
   */
  appliedWith(path: string): ReadonlySet<string> | undefined;
}

/** A strategic-merge patch says so with `$patch` (or another `$` directive) somewhere in it. */
export function hasPatchDirective(text: string): boolean {
  // Asked by several rules on every check of every manifest: most texts have no `$` at all, and the
  // pattern stays on one line (`\s` would let every line start scan on through the following lines).
  return (
    text.includes('$') &&
    /^[ \t]*(?:-[ \t]*)?\$(patch|setElementOrder|deleteFromPrimitiveList|retainKeys)\b/m.test(text)
  );
}

/** A kustomize patch, by a kustomization listing it or by its own `$patch` directives. */
export function isPatchFile(file: KubernetesFile, workspace: WorkspaceView): boolean {
  return hasPatchDirective(file.text) || kustomizeIndex(workspace).isPatch(file.path);
}

const parsedByPath = new Map<string, { text: string; kustomization: Kustomization }>();

/** The last index built, with the kustomizations it was built from: asked for on every manifest's check. */
let lastIndex: { from: Kustomization[]; index: KustomizeIndex } | undefined;

/** The kustomizations of the workspace; each is re-read only when its text changes. */
export function kustomizeIndex(workspace: WorkspaceView): KustomizeIndex {
  const kustomizations: Kustomization[] = [];
  for (const { path, text } of workspace.textsNamed(KUSTOMIZATION_NAMES)) {
    let cached = parsedByPath.get(path);
    if (!cached || cached.text !== text) {
      cached = { text, kustomization: readKustomization(path, text) };
      parsedByPath.set(path, cached);
    }
    kustomizations.push(cached.kustomization);
  }
  const same =
    lastIndex?.from.length === kustomizations.length && lastIndex.from.every((k, i) => k === kustomizations[i]);
  if (!same) lastIndex = { from: kustomizations, index: buildIndex(kustomizations) };
  return lastIndex!.index;
}

function buildIndex(kustomizations: readonly Kustomization[]): KustomizeIndex {
  const byFolder = new Map(kustomizations.map((k) => [directoryOf(k.path), k]));
  const patches = new Set(kustomizations.flatMap((k) => k.patches));

  /** Every file a kustomization builds from, following folders to their own kustomization (bases). */
  const filesOf = (kustomization: Kustomization, seen = new Set<Kustomization>()): string[] => {
    if (seen.has(kustomization)) return [];
    seen.add(kustomization);
    return kustomization.resources.flatMap((resource) => {
      const base = byFolder.get(resource);
      return base ? filesOf(base, seen) : [resource];
    });
  };
  const built = kustomizations.map((kustomization) => ({ kustomization, files: new Set(filesOf(kustomization)) }));

  return {
    isPatch: (path) => patches.has(path),
    selectorLabels(path) {
      // Only the kustomizations that list the file: an overlay adds its labels to every object it
      // builds alike (Services and workloads), and overlays are alternatives to each other.
      const labels: Record<string, string> = {};
      for (const { kustomization } of built) {
        if (kustomization.resources.includes(path)) Object.assign(labels, kustomization.selectorLabels);
      }
      return labels;
    },
    mayOmitSelector(path) {
      return built.some(
        ({ kustomization, files }) => files.has(path) && Object.keys(kustomization.selectorLabels).length > 0,
      );
    },
    appliedWith(path) {
      // The kustomizations that list the file themselves (not the overlays above them, which are
      // alternatives to each other), with everything they build.
      const owners = built.filter(({ kustomization }) => kustomization.resources.includes(path));
      if (owners.length === 0) return undefined;
      return new Set(owners.flatMap(({ files }) => [...files]));
    },
  };
}

function readKustomization(path: string, text: string): Kustomization {
  const folder = directoryOf(path);
  const empty: Kustomization = { path, resources: [], patches: [], selectorLabels: {} };
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: false });
  } catch {
    return empty;
  }
  if (!isRecord(data)) return empty;
  const local = (entry: unknown): string | undefined =>
    typeof entry === 'string' && !/^[a-z][a-z0-9+.-]*:\/\/|^git@|^github\.com\//i.test(entry)
      ? resolvePath(folder, entry)
      : undefined;
  const listed = (key: string): string[] =>
    asArray(data[key])
      .map(local)
      .filter((entry): entry is string => entry !== undefined);
  const patchPaths = [
    ...asArray(data.patches).map((entry) => local(isRecord(entry) ? entry.path : entry)),
    ...asArray(data.patchesStrategicMerge).map(local),
    ...asArray(data.patchesJson6902).map((entry) => local(isRecord(entry) ? entry.path : undefined)),
  ].filter((entry): entry is string => entry !== undefined);
  const selectorLabels: Record<string, string> = { ...stringRecord(data.commonLabels) };
  for (const entry of asArray(data.labels)) {
    if (isRecord(entry) && entry.includeSelectors === true) Object.assign(selectorLabels, stringRecord(entry.pairs));
  }
  return {
    path,
    resources: [...listed('resources'), ...listed('bases'), ...listed('components')],
    patches: patchPaths,
    selectorLabels,
  };
}

/** `/r/a` + `../c/d.yaml` → `/r/c/d.yaml`; folders without their trailing `/`, to match `directoryOf`. */
function resolvePath(folder: string, relative: string): string {
  return posix.normalize(posix.join(folder, relative)).replace(/(.)\/$/, '$1');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, String(entry)]));
}
