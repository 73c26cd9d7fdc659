/**
 * The whole pipeline a GitLab CI file belongs to: the root `.gitlab-ci.yml` and every file it includes
 * locally (followed recursively), merged the way GitLab merges them. Built once per parsed file.
 */
import { isMap, isScalar, type Node, type Pair, type Scalar } from 'yaml';
import { includeTargets, isGitlabRootPath, repositoryRoot } from '../../../engine/gitlab-includes';
import { parseFile } from '../../../engine/parse';
import type { Host, WorkspaceView, YamlFile } from '../../../engine/types';
import { mapGet } from '../../../engine/yaml/nav';
import { catalogue } from './keyword-catalogue';
import { findIncludingRoot, gitlabFilesWith } from './include-roots';
import { Resolver, sourceOf, type Located, type Source } from './yaml-resolve';

export interface JobDefinition {
  name: string;
  source: Source;
  pair: Pair<Scalar, Node | null>;
  hidden: boolean;
}

export interface Pipeline {
  /** Included files first, then the files including them: later sources win, as in GitLab. */
  sources: Source[];
  /** The source of the file being checked. */
  self: Source;
  /** The root `.gitlab-ci.yml`, when the file being checked is it or is included by it. */
  root: Source | undefined;
  /** Some configuration is out of sight (another project, a template, a missing file): skip "unknown name" checks. */
  incomplete: boolean;
  /** Top-level keys that are not global keywords: jobs, and hidden (`.name`) templates. */
  definitions: Map<string, JobDefinition[]>;
  resolver: Resolver;
  /** The last definition of a global keyword (`stages`, `default`…), resolved. */
  global(key: string): Located | undefined;
  /** The file whose definition of a global keyword wins. */
  globalSource(key: string): Source | undefined;
}

interface PipelineContext {
  file: YamlFile<'gitlab-ci'>;
  workspace: WorkspaceView;
  host: Host;
}

/** Pipelines by file, for the workspace version they were built at: an included file's edit changes them. */
const cache = new WeakMap<YamlFile<'gitlab-ci'>, { version: number; pipeline: Pipeline }>();
/** Included files that are not in the workspace, parsed from the host once per text. */
const hostFiles = new Map<string, YamlFile<'gitlab-ci'>>();

export function pipelineOf(context: PipelineContext): Pipeline {
  const version = context.workspace.version;
  const cached = cache.get(context.file);
  if (cached && version !== undefined && cached.version === version) return cached.pipeline;
  const pipeline = buildPipeline(context);
  if (version !== undefined) cache.set(context.file, { version, pipeline });
  return pipeline;
}

function buildPipeline({ file, workspace, host }: PipelineContext): Pipeline {
  const { known, includedBy } = gitlabFilesWith(file, workspace);
  const load = (path: string) => known.get(path) ?? loadFromHost(path, host);

  const root = isGitlabRootPath(file.path) ? file : findIncludingRoot(file.path, known, load, includedBy);
  let incomplete = root === undefined;
  const sources: Source[] = [];
  const visit = (current: YamlFile<'gitlab-ci'>, seen: Set<string>) => {
    if (seen.has(current.path)) return;
    seen.add(current.path);
    const source = sourceOf(current);
    if (root) {
      const targets = includeTargets(repositoryRoot(root.path), mapGet(source.root, 'include'));
      if (targets.unresolved) incomplete = true;
      for (const path of targets.local) {
        const included = load(path);
        if (included) visit(included, seen);
        else incomplete = true;
      }
    } else if (mapGet(source.root, 'include') !== undefined) {
      incomplete = true;
    }
    sources.push(source);
  };
  visit(root ?? file, new Set());
  // A file included by the root may still be checked on its own path: make sure it is there.
  let self = sources.find((source) => source.path === file.path);
  if (!self) {
    self = sourceOf(file);
    sources.push(self);
  }
  return assemble(sources, self, root ? sources.find((source) => source.path === root.path) : undefined, incomplete);
}

function assemble(sources: Source[], self: Source, root: Source | undefined, incomplete: boolean): Pipeline {
  const definitions = new Map<string, JobDefinition[]>();
  const globals = new Map<string, { pair: Pair<Scalar, Node | null>; source: Source }>();
  for (const source of sources) {
    if (!isMap(source.root)) continue;
    for (const item of source.root.items) {
      if (!isScalar(item.key)) continue;
      const name = String(item.key.value);
      const pair = item as Pair<Scalar, Node | null>;
      if (name in catalogue.global) globals.set(name, { pair, source });
      else if (name !== '<<')
        definitions.set(name, [...(definitions.get(name) ?? []), { name, source, pair, hidden: name.startsWith('.') }]);
    }
  }
  const resolver: Resolver = new Resolver((path, depth) => {
    const [first, ...rest] = path;
    const top = globals.get(first) ?? definitions.get(first)?.at(-1);
    const start = top ? resolver.deref(top.pair.value, top.source, depth) : undefined;
    return resolver.getIn(start, rest);
  });
  return {
    sources,
    self,
    root,
    incomplete,
    definitions,
    resolver,
    global(key) {
      const found = globals.get(key);
      return found ? resolver.deref(found.pair.value, found.source) : undefined;
    },
    globalSource: (key) => globals.get(key)?.source,
  };
}

function loadFromHost(path: string, host: Host): YamlFile<'gitlab-ci'> | undefined {
  const text = host.readFile(path);
  if (text === undefined) return undefined;
  const cached = hostFiles.get(path);
  if (cached && cached.text === text) return cached;
  const parsed = parseFile(path, text, { kind: 'gitlab-ci' }) as YamlFile<'gitlab-ci'>;
  hostFiles.set(path, parsed);
  return parsed;
}
