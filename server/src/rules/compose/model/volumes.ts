/** Reading service `volumes:` entries, short (`source:target:mode`) and long (`{type, source, target}`) syntax. */
import { isMap, isPair, isScalar, type Node } from 'yaml';

export interface VolumeSource {
  /** The named volume, or the host path of a bind mount. */
  name: string;
  /** The node that holds it: the whole short-syntax string, or the long syntax's `source:` value. */
  node: Node;
  /** For short syntax, where the source sits inside the string. */
  slice?: { start: number; end: number };
  kind: 'volume' | 'bind';
}

/** The source of a volume entry, or undefined for anonymous volumes, tmpfs and values with variables. */
export function volumeSource(item: unknown): VolumeSource | undefined {
  if (isScalar(item) && typeof item.value === 'string') {
    const value = item.value;
    // Windows drive paths (`C:\data:/data`) have a colon of their own.
    const drive = /^[A-Za-z]:[\\/]/.test(value) ? 2 : 0;
    const colon = value.indexOf(':', drive);
    if (colon < 0) return undefined;
    const name = value.slice(0, colon);
    if (name.includes('$')) return undefined;
    return { name, node: item, slice: { start: 0, end: colon }, kind: isHostPath(name) ? 'bind' : 'volume' };
  }
  if (isMap(item)) {
    const pair = (key: string) => item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    const type = pair('type')?.value;
    const source = pair('source')?.value;
    if (!isScalar(source) || typeof source.value !== 'string' || source.value.includes('$')) return undefined;
    const typeName = isScalar(type) ? String(type.value) : 'volume';
    if (typeName !== 'volume' && typeName !== 'bind') return undefined;
    return {
      name: source.value,
      node: source,
      kind: typeName === 'bind' || isHostPath(source.value) ? 'bind' : 'volume',
    };
  }
  return undefined;
}

/** A named volume an entry refers to (not a bind mount), for checking it is declared. */
export function namedVolumeSource(item: unknown): VolumeSource | undefined {
  const source = volumeSource(item);
  return source?.kind === 'volume' ? source : undefined;
}

function isHostPath(source: string): boolean {
  return /^([./~\\]|[A-Za-z]:[\\/])/.test(source);
}
