/** A container image reference split into its parts, with offsets into the reference text. */
export interface ImageReference {
  /** Registry and repository, e.g. `ghcr.io/org/app`. */
  name: string;
  tag?: string;
  digest?: string;
  /** Offset of the tag's first character within the reference (after the `:`). */
  tagOffset?: number;
}

export function parseImageReference(reference: string): ImageReference {
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  // A `:` before the last `/` is a registry port (`localhost:5000/app`), not a tag.
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest, tagOffset: colon + 1 };
  }
  return { name: rest, digest };
}

/**
 * Why a reference is not pinned, or undefined when it is: a digest pins it whatever the tag says;
 * otherwise it needs a tag other than `latest`.
 */
export function mutableTagProblem(reference: ImageReference): 'untagged' | 'latest' | undefined {
  if (reference.digest) return undefined;
  if (reference.tag === undefined || reference.tag === '') return 'untagged';
  if (reference.tag.toLowerCase() === 'latest') return 'latest';
  return undefined;
}

/**
 * The registry host of an image reference, as Docker decides it: the first path component when it looks
 * like a host (has a dot or a port, or is `localhost`), else Docker Hub.
 */
export function registryOf(image: string): string {
  const { name } = parseImageReference(image);
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) return first.toLowerCase();
  return 'docker.io';
}
