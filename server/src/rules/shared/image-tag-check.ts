/**
 * The image-tag judgement shared by the GitLab CI and Compose rules: which references float, the message,
 * and where a tag placeholder goes for the quick fix.
 */
import { isScalar } from 'yaml';
import type { LineIndex } from '../../engine/line-index';
import type { Range } from '../../engine/types';
import { mutableTagProblem, parseImageReference } from './image-reference';
import { scalarValueStart } from './yaml-scalar';

export interface FloatingImage {
  problem: 'untagged' | 'latest';
  /** What the message says about the image: "has no tag, …" or "uses the mutable tag 'latest'". */
  description: string;
  /** Fix data: where the tag goes (`:latest` replaced, or `:` + tag inserted); absent when the source is not verbatim. */
  tagRange?: Range;
}

/**
 * Whether a scalar image reference floats. Variables (`$IMAGE`, `node:${VERSION}`) are resolved at run
 * time, so they are left alone, as are escapes that would make positions unreliable.
 */
export function floatingImage(node: unknown, lines: LineIndex): FloatingImage | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const image = node.value;
  if (image === '' || image.includes('$')) return undefined;
  const reference = parseImageReference(image);
  const problem = mutableTagProblem(reference);
  if (!problem) return undefined;
  const description = problem === 'latest' ? "uses the mutable tag 'latest'" : "has no tag, so it means 'latest'";
  const start = scalarValueStart(node, lines);
  if (start === undefined) return { problem, description };
  const tagStart = reference.tagOffset !== undefined ? start + reference.tagOffset - 1 : start + reference.name.length;
  const tagEnd =
    reference.tagOffset !== undefined ? start + reference.tagOffset + (reference.tag ?? '').length : tagStart;
  return {
    problem,
    description,
    tagRange: lines.range(tagStart, tagEnd),
  };
}

/** The quick fix's edit: `:${1:tag}` in place of `:latest`, or appended to an untagged name. */
export function tagPlaceholderEdit(data: { tagRange?: Range }): { range: Range; newText: string } | undefined {
  return data.tagRange ? { range: data.tagRange, newText: ':${1:tag}' } : undefined;
}
