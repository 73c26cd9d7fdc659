/**
 * Cuts GitHub's official OpenAPI description (@octokit/openapi) down to the paths the GitHub provider
 * calls, with every component they reference, so that prism loads it in a second or two instead of
 * nine. `x-webhooks` is dropped: prism cannot load it. Written to .tmp/ (git-ignored), regenerated
 * when the package version changes.
 *
 *   npx tsx test/unit/pipelines/contract/cut-github-spec.ts   (the contract test runs it itself)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Every path the provider requests; the contract test fails if the provider calls another. */
export const PROVIDER_PATHS = [
  '/repos/{owner}/{repo}',
  '/repos/{owner}/{repo}/actions/runs',
  '/repos/{owner}/{repo}/actions/workflows',
  '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
  '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
  '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
  '/repos/{owner}/{repo}/actions/runs/{run_id}/cancel',
  '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun',
  '/repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs',
  '/repos/{owner}/{repo}/actions/jobs/{job_id}/rerun',
  '/repos/{owner}/{repo}/actions/jobs/{job_id}/logs',
  '/repos/{owner}/{repo}/environments',
  '/repos/{owner}/{repo}/contents/{path}',
  '/repos/{owner}/{repo}/commits/{ref}/check-runs',
  '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
];

export function cutGitHubSpec(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@octokit/openapi/package.json');
  const version = JSON.parse(readFileSync(packageJson, 'utf8')).version as string;
  // Keyed on the paths too: adding a path to the provider must cut the description again.
  const pathsKey = createHash('sha256').update(PROVIDER_PATHS.join('\n')).digest('hex').slice(0, 8);
  const out = join(repoRoot, '.tmp', `github-actions-openapi-${version}-${pathsKey}.json`);
  if (existsSync(out)) return out;
  const full = JSON.parse(readFileSync(join(dirname(packageJson), 'generated', 'api.github.com.json'), 'utf8'));
  const paths: Record<string, unknown> = {};
  for (const path of PROVIDER_PATHS) {
    if (!full.paths[path]) throw new Error(`GitHub's description has no ${path}`);
    paths[path] = full.paths[path];
  }
  // Walk the $refs from the kept paths into components, transitively.
  const components: Record<string, Record<string, unknown>> = {};
  const pending: unknown[] = [paths];
  while (pending.length) {
    const node = pending.pop();
    if (!node || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) {
        const [, , section, name] = value.split('/') as [string, string, string, string];
        components[section] ??= {};
        if (!(name in components[section]!)) {
          const target = full.components[section][name];
          components[section]![name] = target;
          pending.push(target);
        }
      } else pending.push(value);
    }
  }
  const cut = { openapi: full.openapi, info: full.info, servers: full.servers, paths, components };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(cut));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) console.log(cutGitHubSpec());
