import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { mapGet, scalarString } from './yaml/nav';

/**
 * Paths a `.gitlab-ci.yml` (or a file it includes) includes from its own repository: `include: 'file.yml'`, a list of such strings,
 * or `- local: file.yml`. GitLab resolves local paths from the repository root, which we take to be the
 * folder of the root `.gitlab-ci.yml`. Wildcard includes are left out: we cannot list them without the disk.
 */
export function gitlabLocalIncludes(repoRoot: string, text: string): string[] {
  // Asked of every root file when the workspace is read: most have no `include:` to parse for. A key
  // spelt with escapes (`"\x69nclude"`) has a backslash, so such a text is parsed.
  if (!text.includes('include') && !text.includes('\\')) return [];
  const document = parseDocument(text, { prettyErrors: false });
  return includeTargets(repoRoot, mapGet(document.contents, 'include')).local;
}

export interface IncludeTargets {
  /** Absolute, `/`-separated paths of the local files included. */
  local: string[];
  /** Some include is invisible to us: another project, a remote URL, a template, a component, a wildcard or a variable. */
  unresolved: boolean;
}

/** What an `include:` value (already parsed) names, with local paths resolved from `repoRoot`. */
export function includeTargets(repoRoot: string, include: unknown): IncludeTargets {
  const items = isSeq(include) ? include.items : include ? [include] : [];
  const targets: IncludeTargets = { local: [], unresolved: false };
  for (const item of items) {
    let local: string | undefined;
    if (isScalar(item)) {
      const value = scalarString(item);
      if (value && !/^https?:\/\//.test(value)) local = value;
      else targets.unresolved = true;
    } else if (isMap(item)) {
      local = scalarString(mapGet(item, 'local'));
      if (local === undefined) targets.unresolved = true;
    } else {
      targets.unresolved = true;
    }
    if (local === undefined) continue;
    // GitLab expands `*` globs and a few CI/CD variables in local paths; we cannot, so those stay unseen.
    if (local.includes('*') || local.includes('$')) targets.unresolved = true;
    else targets.local.push(`${repoRoot}/${local.replace(/^\.?\//, '')}`);
  }
  return targets;
}

/** The folder a root `.gitlab-ci.yml` sits in: local include paths start there. */
export function repositoryRoot(rootPath: string): string {
  return rootPath.slice(0, rootPath.lastIndexOf('/'));
}

export function isGitlabRootPath(path: string): boolean {
  return /(^|\/)\.gitlab-ci\.ya?ml$/.test(path);
}
