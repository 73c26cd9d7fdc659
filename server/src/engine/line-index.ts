import type { Position, Range } from './range';

/** Offset <-> position conversion for one text, with `\n`, `\r\n` and lone `\r` as line breaks (as LSP). */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /**
   * The index of `text`, which is this index's text with [start, oldEnd) replaced by [start, newEnd) of
   * `text`: worked out from this one (the line starts after the edit moved) when neither part holds or
   * splits a line break, else by reading `text` again. Typing in a value changes no line break.
   */
  edited(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const breaks = /[\r\n]/;
    if (
      this.text.charCodeAt(start - 1) === 13 ||
      breaks.test(this.text.slice(start, oldEnd)) ||
      breaks.test(text.slice(start, newEnd))
    )
      return new LineIndex(text);
    const delta = newEnd - oldEnd;
    return new LineIndex(
      text,
      this.lineStarts.map((lineStart) => (lineStart > start ? lineStart + delta : lineStart)),
    );
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset just before the line break that ends `line`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length + 1;
    let end = next - 1;
    if (line + 1 < this.lineStarts.length) {
      // Step back over the break itself: `\n`, `\r` or `\r\n`.
      if (this.text.charCodeAt(end - 1) === 13 && this.text.charCodeAt(end) === 10) end--;
    } else {
      end = this.text.length;
    }
    return end;
  }
}
