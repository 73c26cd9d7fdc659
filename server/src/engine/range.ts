/**
 * Positions and ranges: the leaf of the engine's types, imported by everything that measures text
 * (line index, YAML navigation, findings) without pulling in the rest of the vocabulary.
 */

/** Zero-based line and UTF-16 character, the same convention as LSP, so the server converts nothing. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
