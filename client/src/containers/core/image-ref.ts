/**
 * Image references: validated against the grammar Docker and Podman share
 * (github.com/distribution/reference), and the default tag `<folder>:<git short SHA>`.
 */
import type { Runner } from './process';

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]+)?|\\[[a-fA-F0-9:]+\\](?::[0-9]+)?)`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`);

/** Undefined when valid, else what is wrong with it. */
export function validateImageReference(reference: string): string | undefined {
  if (!reference) return 'An image name is needed, e.g. myapp:dev.';
  if (/\s/.test(reference)) return 'An image name cannot contain spaces.';
  if (reference.startsWith('-')) return 'An image name cannot start with "-".';
  const name = reference.replace(/@.*$/, '').replace(/:[\w][\w.-]*$/, '');
  if (name.length > 255) return 'The repository name is longer than 255 characters.';
  if (!REFERENCE.test(reference)) {
    const lastSlash = reference.lastIndexOf('/');
    if (/[A-Z]/.test(reference.slice(lastSlash + 1).split(':')[0]))
      return `"${reference}" is not a valid image name: repository names must be lower case.`;
    return `"${reference}" is not a valid image name: use [registry/]name[:tag] with lower-case letters, digits and . _ - separators; a tag has at most 128 characters.`;
  }
  return undefined;
}

/** A folder name made into a repository name: "My App!" → "my-app". */
export function repositoryFromFolder(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .replace(/[._-]{2,}/g, '-');
  return name || 'app';
}

/** The short commit of the folder's repository, or undefined outside git (or without git). */
export async function gitShortSha(runner: Runner, folder: string, signal?: AbortSignal): Promise<string | undefined> {
  const result = await runner.run('git', ['rev-parse', '--short', 'HEAD'], { cwd: folder, signal, timeoutMs: 5000 });
  const sha = result.stdout.trim();
  return result.code === 0 && /^[0-9a-f]{4,40}$/.test(sha) ? sha : undefined;
}

/**
 * The tags a build gets by default: `<folder>:<sha>` and `<folder>:dev`, or the
 * `shipshape.containers.defaultTag` template (`${folder}`, `${gitShortSha}`).
 */
export function defaultTags(folder: string, sha: string | undefined, template = ''): string[] {
  const repository = repositoryFromFolder(folder);
  if (template.trim()) {
    const tag = template
      .trim()
      .replace(/\$\{folder\}/g, repository)
      .replace(/\$\{gitShortSha\}/g, sha ?? 'dev');
    return [tag];
  }
  return sha ? [`${repository}:${sha}`, `${repository}:dev`] : [`${repository}:dev`];
}
