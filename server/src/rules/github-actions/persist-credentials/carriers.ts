/**
 * Steps that can carry a checkout's `.git` (and the token actions/checkout persisted in `.git/config`)
 * out of the runner: an artifact upload that includes hidden files and covers the checkout, or an
 * image built with the checkout as its context in a job that pushes images. A job's workspace is its
 * own, so only later steps of the same job count.
 */
import type { YAMLMap } from 'yaml';
import type { GitHubActionsFile, Host } from '../../../engine/types';
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
  host: Host,
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
      if (
        context !== undefined &&
        covers(context, checkoutPath) &&
        imageMayHoldGit(file, host, context, stepInput(step, 'file'))
      )
        return { step, how: IMAGE };
    }
    const script = runScript(file, step)?.value;
    const builds = script ? dockerBuilds(script) : [];
    if (
      builds.some(
        (build) => covers(build.context, checkoutPath) && imageMayHoldGit(file, host, build.context, build.file),
      )
    )
      return { step, how: IMAGE };
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

const IMAGE = 'builds an image with it as the context, and this job pushes images';

/** `docker build` options that take a value (`-t name`), so the value is not taken for the context. */
const BUILD_VALUE_OPTIONS = new Set([
  '-t',
  '--tag',
  '-f',
  '--file',
  '--build-arg',
  '--build-context',
  '--label',
  '--target',
  '--platform',
  '--network',
  '--secret',
  '--ssh',
  '--cache-from',
  '--cache-to',
  '-o',
  '--output',
  '--progress',
  '--iidfile',
  '--metadata-file',
  '--add-host',
  '--shm-size',
  '-m',
  '--memory',
  '--ulimit',
  '--builder',
  '--annotation',
  '--attest',
  '--provenance',
  '--sbom',
  '--allow',
  '--cgroup-parent',
  '--isolation',
]);

/** The context and `-f` Dockerfile of each `docker build`, `docker buildx build`, `docker image build` in a script. */
function dockerBuilds(script: string): Array<{ context: string; file?: string }> {
  // Line continuations joined, and `${{ … }}` (which may hold spaces) made one word.
  const joined = script
    .replace(/\\\r?\n/g, ' ')
    .replace(/\$\{\{\s*github\.workspace\s*\}\}/g, '$GITHUB_WORKSPACE')
    .replace(/\$\{\{[^}]*\}\}/g, '$EXPR');
  const builds: Array<{ context: string; file?: string }> = [];
  for (const match of joined.matchAll(/\bdocker\s+(?:buildx\s+|image\s+)?build\b([^\n;&|]*)/g)) {
    const words = match[1].trim().split(/\s+/).filter(Boolean);
    let context: string | undefined;
    let file: string | undefined;
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (word === '-f' || word === '--file') file = words[i + 1];
      else if (word.startsWith('--file=')) file = word.slice(7);
      if (word.startsWith('-')) {
        if (!word.includes('=') && BUILD_VALUE_OPTIONS.has(word)) i++;
      } else if (context === undefined) context = word;
    }
    if (context) builds.push({ context: context.replace(/^["']|["']$/g, ''), file: file?.replace(/^["']|["']$/g, '') });
  }
  return builds;
}

/**
 * Whether an image built from `context` can contain `.git`: unless the Dockerfile, read from the
 * workspace, copies nothing that holds it (no `COPY . …`, `COPY * …`, `ADD .git …`), or the context's
 * `.dockerignore` leaves `.git` out. A Dockerfile we cannot read may copy anything.
 */
function imageMayHoldGit(
  file: GitHubActionsFile,
  host: Host,
  context: string,
  dockerfile: string | undefined,
): boolean {
  const root = /^(.*)\/\.github\/workflows\/[^/]+$/.exec(file.path.replace(/\\/g, '/'))?.[1];
  const contextDir = normalize(context);
  if (root === undefined || contextDir === undefined || /\$/.test(context)) return true;
  const inRoot = (path: string) => (path === '' ? root : `${root}/${path}`);
  const dockerfilePath =
    dockerfile === undefined ? `${inRoot(contextDir)}/Dockerfile` : inRoot(normalize(dockerfile) ?? '');
  const text = dockerfile !== undefined && /\$/.test(dockerfile) ? undefined : host.readFile(dockerfilePath);
  if (text === undefined) return true;
  const ignore =
    host.readFile(`${dockerfilePath}.dockerignore`) ?? host.readFile(`${inRoot(contextDir)}/.dockerignore`);
  if (ignore !== undefined && /^\s*(\*\*\/)?\.git\/?\s*$/m.test(ignore)) return false;
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .some((line) => {
      const match = /^\s*(COPY|ADD)\s+(.*)$/i.exec(line);
      if (!match || /--from[= ]/i.test(match[2])) return false;
      const words = match[2]
        .replace(/[[\],"]/g, ' ')
        .split(/\s+/)
        .filter((word) => word !== '' && !word.startsWith('--'));
      return words.slice(0, -1).some((word) => /^(\.\/?|\*|\.\/\*|\.git(\/.*)?)$/.test(word));
    });
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
