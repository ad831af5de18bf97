/**
 * Line starts and ends of a text. Lines end at CRLF, LF or a lone CR, as in
 * LSP; a form feed is not a line break (it is page-break noise inside a line).
 * Offsets are UTF-16 code units, which is what LSP columns count, so a column
 * is simply `offset - lineStart`.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: Int32Array;
  /** Offset just past the last character of each line, before its line break. */
  readonly ends: Int32Array;

  constructor(readonly text: string) {
    const starts: number[] = [0];
    const ends: number[] = [];
    const n = text.length;
    if (text.indexOf('\r') < 0) {
      // The common case: LF only, found with indexOf (far faster than a character loop).
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        ends.push(i);
        starts.push(i + 1);
      }
    } else {
      // CR, LF or both: the nearer of the next CR and the next LF, each found with indexOf.
      let lf = text.indexOf('\n');
      let cr = text.indexOf('\r');
      while (lf >= 0 || cr >= 0) {
        const at = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
        const width = at === cr && text.charCodeAt(at + 1) === 10 ? 2 : 1;
        ends.push(at);
        starts.push(at + width);
        if (lf >= 0 && lf < at + width) lf = text.indexOf('\n', at + width);
        if (cr >= 0 && cr < at + width) cr = text.indexOf('\r', at + width);
      }
    }
    ends.push(n);
    this.starts = Int32Array.from(starts);
    this.ends = Int32Array.from(ends);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of line `line` without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  /** The zero-based line holding `offset` (offsets past the end map to the last line). */
  lineAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Zero-based line and UTF-16 column of `offset`, clamped to the text. */
  positionAt(offset: number): { line: number; character: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    // An offset inside a CRLF pair belongs at the end of its line.
    return { line, character: Math.min(o, this.ends[line]) - this.starts[line] };
  }

  /** Offset of a zero-based line and UTF-16 column, clamped to that line's content. */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line] + Math.max(0, character), this.ends[line]);
  }
}
