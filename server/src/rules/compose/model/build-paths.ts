/** Where a service's `build:` points: the context folder and Dockerfile, resolved from the Compose file's folder. */
import { posix } from 'node:path';
import { isMap, isPair, isScalar, type Node } from 'yaml';

export interface BuildPaths {
  /** A Git URL or other remote context: nothing to look for on disk. */
  remote: boolean;
  context: string;
  contextNode: Node | undefined;
  /** The Dockerfile named by `dockerfile:`, resolved; undefined when not set. */
  dockerfile?: string;
  dockerfileNode?: Node;
  /** `dockerfile_inline:` replaces the file. */
  inline: boolean;
  /** What Compose looks for when `dockerfile:` is not set. */
  defaultDockerfiles: string[];
}

const REMOTE_CONTEXT = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i;

/** Undefined when the build value uses variables or is not a string or mapping. */
export function buildPaths(build: Node | undefined, composePath: string): BuildPaths | undefined {
  const folder = posix.dirname(composePath);
  const get = (key: string) =>
    (isMap(build) ? build.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key)?.value : undefined) as
      Node | undefined;
  const contextNode = isScalar(build) ? build : get('context');
  const contextValue =
    contextNode === undefined
      ? '.'
      : isScalar(contextNode) && typeof contextNode.value === 'string'
        ? contextNode.value
        : undefined;
  if (contextValue === undefined || contextValue.includes('$')) return undefined;
  const remote = REMOTE_CONTEXT.test(contextValue);
  const context = posix.resolve(folder, contextValue);
  const dockerfileNode = get('dockerfile');
  const dockerfileValue =
    isScalar(dockerfileNode) && typeof dockerfileNode.value === 'string' ? dockerfileNode.value : undefined;
  if (dockerfileValue?.includes('$')) return undefined;
  return {
    remote,
    context,
    contextNode,
    dockerfile: dockerfileValue === undefined ? undefined : posix.resolve(context, dockerfileValue),
    dockerfileNode,
    inline: get('dockerfile_inline') !== undefined,
    defaultDockerfiles: [posix.join(context, 'Dockerfile'), posix.join(context, 'Containerfile')],
  };
}
