/**
 * A job's `uses:` calls a reusable workflow: `{owner}/{repo}/{path to the .yml}@{ref}` from another
 * repository, or `./{path to the .yml}` (or `$/…`) from this one at the caller's own commit (so with no `@ref`).
 * Anything else (an action's `owner/repo@ref`, a local path with a ref, a path that does not start with
 * `./`) fails when the run starts.
 */
import { isRepositoryPath } from '../model/repository-files';

const REMOTE = 'write {owner}/{repo}/.github/workflows/{file}.yml@{ref}';

export function callFormatProblem(written: string): string | undefined {
  if (isRepositoryPath(written)) {
    if (written.includes('@'))
      return 'a workflow of this repository is called at the caller\'s own commit, without "@ref": write ./.github/workflows/{file}.yml.';
    return written.length > 2 ? undefined : 'names no workflow file: write ./.github/workflows/{file}.yml.';
  }
  if (written.startsWith('.') || written.startsWith('/'))
    return 'a workflow of this repository is called with a path from the repository root starting with "./" (./.github/workflows/{file}.yml).';
  if (written.startsWith('docker://'))
    return `a job cannot run a Docker image with uses: it calls a reusable workflow: ${REMOTE}.`;
  const at = written.indexOf('@');
  const [owner = '', repo = '', ...path] = (at >= 0 ? written.slice(0, at) : written).split('/');
  const noPath = path.join('/') === '';
  if (!owner || !repo || (noPath && /\.ya?ml$/i.test(repo))) return `the repository is missing: ${REMOTE}.`;
  if (noPath)
    return `names a repository but no workflow file in it (actions are used in steps, not by jobs): ${REMOTE}.`;
  if (at < 0 || at === written.length - 1) return `the ref is missing: ${REMOTE} (a tag, branch or commit SHA).`;
  return undefined;
}
