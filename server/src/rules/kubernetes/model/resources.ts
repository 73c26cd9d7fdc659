import type { Range } from '../../../engine/types';
import type { LineIndex } from '../../../engine/line-index';
import { getIn, mapGet, scalarString } from '../../../engine/yaml/nav';
import { containerAnchor, keyOr } from './anchors';
import type { ContainerRef } from './pod-spec';

export type ResourceSection = 'requests' | 'limits';

/** Resources the container leaves unset in a section; an explicit `0` counts as unset (it means "no request"). */
export function missingResources(ref: ContainerRef, section: ResourceSection, wanted: readonly string[]): string[] {
  const values = getIn(ref.container, ['resources', section]);
  return wanted.filter((resource) => {
    const value = scalarString(mapGet(values, resource));
    return value === undefined || /^0+(\.0*)?[a-zA-Z]*$/.test(value.trim());
  });
}

/** The `requests:`/`limits:` key when written, else `resources:`, else the container's name. */
export function resourcesAnchor(lines: LineIndex, ref: ContainerRef, section: ResourceSection): Range {
  return keyOr(
    lines,
    mapGet(ref.container, 'resources'),
    section,
    keyOr(lines, ref.container, 'resources', containerAnchor(lines, ref)),
  );
}
