/**
 * `uses:` values the runner cannot resolve: a repository action needs `{owner}/{repo}[/path]@{ref}`,
 * a local one starts with `./` (or `$/`, the repository root), a Docker image with a `:` needs a tag
 * after it. GitHub's parser takes any string; the job fails when it reaches the step. Reported by `github-actions/syntax`.
 */
import type { GitHubActionsFile, Report } from '../../../engine/types';
import { usesSites } from '../model/uses-sites';

export function usesFormatProblems(file: GitHubActionsFile): Report[] {
  const reports: Report[] = [];
  for (const { uses, isJob } of usesSites(file)) {
    const { written, valueRange: range } = uses;
    // A job's uses: calls a reusable workflow, whose format github-actions/workflow-call checks.
    if (isJob || written.includes('${{')) continue;
    const problem = formatProblem(uses.kind, written);
    if (problem) reports.push({ range, message: `'${written}': ${problem}` });
  }
  return reports;
}

function formatProblem(kind: 'repository' | 'local' | 'docker', written: string): string | undefined {
  if (kind === 'docker') return written.endsWith(':') ? 'the image tag after ":" is empty.' : undefined;
  // `$/path` names a file of the workflow's own repository at the same commit (like `./path`).
  if (kind === 'local' || written.startsWith('$/') || written.startsWith('.\\')) return undefined;
  if (written.startsWith('.') || written.startsWith('/'))
    return 'a local action or workflow must start with "./" (a path from the repository root).';
  const at = written.indexOf('@');
  const path = at >= 0 ? written.slice(0, at) : written;
  if (!path.includes('/')) return 'the owner is missing: write {owner}/{repo}@{ref}.';
  if (at < 0 || at === written.length - 1)
    return 'the ref is missing: write {owner}/{repo}@{ref} (a tag, branch or commit SHA).';
  return undefined;
}
