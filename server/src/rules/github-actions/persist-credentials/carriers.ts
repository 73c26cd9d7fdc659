/**
 * Steps that can carry a checkout's `.git` (and the token actions/checkout persisted in `.git/config`)
 * out of the runner: an artifact upload that includes hidden files and covers the checkout, or an
 * image built with the checkout as its context in a job that pushes images. A job's workspace is its
 * own, so only later steps of the same job count.
 */
import type { YAMLMap } from 'yaml';
import type { GitHubActionsFile } from '../../../engine/types';
import { mapGet, scalarString } from '../../../engine/yaml/nav';
import { runScript } from '../model/run-script';
import { inputsUnknown, stepInput, usesOf } from '../model/workflow-model';

export interface Carrier {
  step: YAMLMap;
  /** What the step does with the workspace, for the message. */
  how: string;
}

/** The later step of `steps` (after `index`) that can carry the checkout at `checkoutPath` out, if any. */
export function carrierAfter(
  file: GitHubActionsFile,
  steps: readonly YAMLMap[],
  index: number,
  checkoutPath: string,
): Carrier | undefined {
  const pushes = steps.some((step) => pushesImage(file, step));
  for (const step of steps.slice(index + 1)) {
    const uses = usesOf(file, step);
    if (uses?.kind === 'repository' && uses.name === 'actions/upload-artifact' && !inputsUnknown(step)) {
      const paths = (stepInput(step, 'path') ?? '').split('\n').map((line) => line.trim());
      if (uploadsHiddenFiles(uses.ref, stepInput(step, 'include-hidden-files')) && pathsCover(paths, checkoutPath))
        return { step, how: 'uploads it as an artifact, hidden files included' };
    }
    if (!pushes) continue;
    if (uses?.kind === 'repository' && uses.name === 'docker/build-push-action' && !inputsUnknown(step)) {
      const context = stepInput(step, 'context');
      // Without `context`, build-push-action builds from the Git URL, which has no .git/config.
      if (context !== undefined && covers(context, checkoutPath))
        return { step, how: 'builds an image with it as the context, and this job pushes images' };
    }
    const script = runScript(file, step)?.value;
    if (script && buildContexts(script).some((context) => covers(context, checkoutPath)))
      return { step, how: 'builds an image with it as the context, and this job pushes images' };
  }
  return undefined;
}

/**
 * upload-artifact leaves hidden files (`.git/`) out since v4.4.0 unless `include-hidden-files: true`.
 * A floating major (`v4`) or an unknown ref (a SHA, a branch) is taken as a current release.
 */
function uploadsHiddenFiles(ref: string, includeHidden: string | undefined): boolean {
  if (includeHidden !== undefined && (includeHidden === 'true' || includeHidden.includes('${{'))) return true;
  const version = /^v(\d+)(?:\.(\d+))?(?:\.\d+)?$/.exec(ref);
  if (!version) return false;
  const [major, minor] = [Number(version[1]), version[2] === undefined ? undefined : Number(version[2])];
  return major < 4 || (major === 4 && minor !== undefined && minor < 4);
}

function pathsCover(paths: readonly string[], checkoutPath: string): boolean {
  // `!.git` or `!**/.git` among the paths keeps it out.
  const excludesGit = paths.some(
    (path) => path.startsWith('!') && /^(\*\*\/)?\.git(\/.*)?$/.test(normalize(path.slice(1)) ?? ''),
  );
  if (excludesGit) return false;
  return paths.some((path) => path !== '' && !path.startsWith('!') && covers(path, checkoutPath));
}

/** Whether a path (of the workspace) contains the checkout: the workspace itself, or the checkout or a parent. */
function covers(path: string, checkoutPath: string): boolean {
  if (/\$\{\{(?!\s*github\.workspace\s*\}\})/.test(path)) return false;
  const target = normalize(path);
  if (target === undefined) return false;
  const checkout = normalize(checkoutPath) ?? '';
  if (['', '*', '**', '**/*', './*'].includes(target)) return true;
  return checkout !== '' && (checkout === target || checkout.startsWith(`${target}/`));
}

/** Relative to the workspace, without `./` or a trailing `/`; undefined for a path outside it. */
function normalize(path: string): string | undefined {
  let value = path
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/^(\$\{\{\s*github\.workspace\s*\}\}|\$GITHUB_WORKSPACE|\$\{GITHUB_WORKSPACE\})/, '');
  if (value.startsWith('/') && path.trim().replace(/^["']/, '').startsWith('/')) return undefined;
  value = value
    .replace(/^\/+/, '')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
  return value === '.' ? '' : value;
}

/** The context arguments of `docker build`, `docker buildx build`, `docker image build` in a script. */
function buildContexts(script: string): string[] {
  const joined = script.replace(/\\\r?\n/g, ' ');
  const contexts: string[] = [];
  for (const match of joined.matchAll(/\bdocker\s+(?:buildx\s+|image\s+)?build\b([^\n;&|]*)/g)) {
    const words = match[1].trim().split(/\s+/).filter(Boolean);
    const last = words.at(-1);
    if (last && !last.startsWith('-')) contexts.push(last);
  }
  return contexts;
}

/** `docker push`, `docker buildx build --push`, or build-push-action with `push` on. */
function pushesImage(file: GitHubActionsFile, step: YAMLMap): boolean {
  const uses = usesOf(file, step);
  if (uses?.kind === 'repository' && uses.name === 'docker/build-push-action') {
    const push = scalarString(mapGet(mapGet(step, 'with'), 'push'));
    return push === 'true' || (push ?? '').includes('${{') || inputsUnknown(step);
  }
  const script = runScript(file, step)?.value ?? '';
  return /\bdocker\s+(?:image\s+)?push\b|\bdocker\s+buildx\s+build\b[^\n]*--push\b/.test(
    script.replace(/\\\r?\n/g, ' '),
  );
}
