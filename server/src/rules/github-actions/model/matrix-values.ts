/**
 * The values a `strategy.matrix` key takes, as YAML nodes (so rules can point at the one written wrong):
 * the items of the key's list and the key's value in each `include` row.
 */
import { isMap, isNode, type Node, type YAMLMap } from 'yaml';
import { asSeq, entries, getIn, mapGet } from '../../../engine/yaml/nav';

/** `${{ matrix.<key> }}` written alone, as `runs-on` or a label of it often is. */
const WHOLE_MATRIX_VALUE = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/;

export function matrixKeyOf(value: string): string | undefined {
  return WHOLE_MATRIX_VALUE.exec(value.trim())?.[1];
}

/**
 * The value nodes of one matrix key, compared without case as GitHub does; undefined when the matrix or
 * one of its lists is computed by an expression (`${{ fromJSON(...) }}`), since then the values are unknown.
 */
export function matrixValueNodes(matrix: unknown, key: string): Node[] | undefined {
  if (!isMap(matrix)) return undefined;
  const values: Node[] = [];
  for (const entry of entries(matrix)) {
    if (entry.key.includes('${{')) return undefined;
    if (entry.key === 'include') {
      const rows = asSeq(entry.pair.value);
      if (!rows) return undefined;
      for (const row of rows.items) {
        const value = entries(row).find((e) => e.key.toLowerCase() === key.toLowerCase())?.pair.value;
        if (isNode(value)) values.push(value);
      }
    } else if (entry.key !== 'exclude' && entry.key.toLowerCase() === key.toLowerCase()) {
      const list = asSeq(entry.pair.value);
      if (!list) return undefined;
      values.push(...list.items.filter(isNode));
    }
  }
  return values;
}

/** The job's `strategy.matrix`, when written as a mapping. */
export function jobMatrix(job: YAMLMap | undefined): YAMLMap | undefined {
  const matrix = getIn(mapGet(job, 'strategy'), ['matrix']);
  return isMap(matrix) ? matrix : undefined;
}
