/**
 * Which root `.gitlab-ci.yml` includes a file: the workspace's GitLab files by path, and what each root
 * includes (followed recursively), kept for one workspace version. Every GitLab file's check asks, and
 * going through every root's includes each time makes a run grow with the square of the workspace.
 */
import { includeTargets, isGitlabRootPath, repositoryRoot } from '../../../engine/gitlab-includes';
import type { WorkspaceView, YamlFile } from '../../../engine/types';
import { mapGet } from '../../../engine/yaml/nav';
import { sourceOf } from './yaml-resolve';

type GitlabFile = YamlFile<'gitlab-ci'>;

/**
 * Every path a root's local includes name, followed through the workspace's files; undefined when
 * following them needs a file the workspace does not hold (read from the disk on each check instead).
 */
export type IncludedWithin = (root: GitlabFile) => ReadonlySet<string> | undefined;

interface Index {
  version: number;
  known: Map<string, GitlabFile>;
  included: Map<string, ReadonlySet<string> | undefined>;
}

let index: Index | undefined;

/**
 * The workspace's GitLab files by path, with `file` in its place (it may be a text the workspace does
 * not hold), and the includes of each root when they can be kept: only for the workspace's own files.
 */
export function gitlabFilesWith(
  file: GitlabFile,
  workspace: WorkspaceView,
): { known: ReadonlyMap<string, GitlabFile>; includedBy: IncludedWithin | undefined } {
  // Asked on every check, kept or not, so that a cache of results learns what the check read.
  const files = workspace.files('gitlab-ci');
  const version = workspace.version;
  if (version !== undefined && index?.version !== version) {
    index = { version, known: new Map([...files].map((other) => [other.path, other])), included: new Map() };
  }
  const kept = version === undefined ? undefined : index!;
  if (kept?.known.get(file.path) === file) {
    const { known, included } = kept;
    const includedBy: IncludedWithin = (root) => {
      if (!included.has(root.path)) included.set(root.path, includedWithin(root, known));
      return included.get(root.path);
    };
    return { known, includedBy };
  }
  const known = new Map(kept?.known ?? [...files].map((other) => [other.path, other]));
  known.set(file.path, file);
  return { known, includedBy: undefined };
}

/** The root `.gitlab-ci.yml` whose local includes (followed recursively) reach `path`. */
export function findIncludingRoot(
  path: string,
  known: ReadonlyMap<string, GitlabFile>,
  load: (path: string) => GitlabFile | undefined,
  includedBy: IncludedWithin | undefined,
): GitlabFile | undefined {
  for (const candidate of known.values()) {
    if (!isGitlabRootPath(candidate.path)) continue;
    const within = includedBy?.(candidate);
    if (within) {
      if (within.has(path)) return candidate;
      continue;
    }
    let found = false;
    followIncludes(candidate, load, (included) => (found = included === path));
    if (found) return candidate;
  }
  return undefined;
}

function includedWithin(root: GitlabFile, known: ReadonlyMap<string, GitlabFile>): ReadonlySet<string> | undefined {
  const included = new Set<string>();
  let outside = false;
  const load = (path: string) => {
    const found = known.get(path);
    outside ||= found === undefined;
    return found;
  };
  followIncludes(root, load, (path) => {
    included.add(path);
    return outside;
  });
  return outside ? undefined : included;
}

/**
 * Walks a root's local includes breadth first, telling `visit` each path named (repeats too) until it
 * returns true. Paths start at the root's folder, however deep the including file.
 */
function followIncludes(
  root: GitlabFile,
  load: (path: string) => GitlabFile | undefined,
  visit: (path: string) => boolean,
): void {
  const repoRoot = repositoryRoot(root.path);
  const queue = [root];
  const seen = new Set<string>([root.path]);
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const included of includeTargets(repoRoot, mapGet(sourceOf(current).root, 'include')).local) {
      if (visit(included)) return;
      if (seen.has(included)) continue;
      seen.add(included);
      const next = load(included);
      if (next) queue.push(next);
    }
  }
}
