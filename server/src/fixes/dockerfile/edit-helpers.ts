import type { Instruction } from 'dockerfile-ast';
import type { DockerfileFile, Finding, ParsedFile, Position, Range } from '../../engine/types';
import type { TextEdit } from '../types';

/** The Dockerfile being fixed, or undefined for any other kind (providers are registered per kind anyway). */
export function dockerfileOf(file: ParsedFile): DockerfileFile | undefined {
  return file.kind === 'dockerfile' ? file : undefined;
}

/** The instruction a finding sits in. */
export function instructionAt(file: DockerfileFile, finding: Finding): Instruction | undefined {
  const line = finding.range.start.line;
  return file.dockerfile
    .getInstructions()
    .find((i) => i.getRange().start.line <= line && line <= i.getRange().end.line);
}

export function insertAt(position: Position, newText: string): TextEdit {
  return { range: { start: position, end: position }, newText };
}

export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Insert whole lines before a line, with that line's indentation. */
export function insertLinesBefore(line: number, lines: string[]): TextEdit {
  return insertAt({ line, character: 0 }, lines.map((text) => `${text}\n`).join(''));
}

/** A range covering lines `first..last` with their line breaks, for moving or deleting them. */
export function wholeLines(first: number, last: number): Range {
  return { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } };
}

export function tokenText(file: DockerfileFile, range: Range): string {
  return file.text.slice(file.lines.offsetAt(range.start), file.lines.offsetAt(range.end));
}
