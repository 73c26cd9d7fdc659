import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { mapGet, scalarString } from './yaml/nav';

/**
 * Paths a `.gitlab-ci.yml` includes from its own repository: `include: 'file.yml'`, a list of such strings,
 * or `- local: file.yml`. GitLab resolves local paths from the repository root, which we take to be the
 * folder of the root `.gitlab-ci.yml`. Wildcard includes are left out: we cannot list them without the disk.
 */
export function gitlabLocalIncludes(rootPath: string, text: string): string[] {
  const root = rootPath.slice(0, rootPath.lastIndexOf('/'));
  const document = parseDocument(text, { prettyErrors: false });
  const include = mapGet(document.contents, 'include');
  const items = isSeq(include) ? include.items : include ? [include] : [];
  const paths: string[] = [];
  for (const item of items) {
    let local: string | undefined;
    if (isScalar(item)) {
      const value = scalarString(item);
      if (value && !/^https?:\/\//.test(value)) local = value;
    } else if (isMap(item)) {
      local = scalarString(mapGet(item, 'local'));
    }
    if (local && !local.includes('*')) paths.push(`${root}/${local.replace(/^\.?\//, '')}`);
  }
  return paths;
}
