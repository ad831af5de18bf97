import type { Span } from '../model';

/**
 * The value of a field that may run over several lines (an address list, a
 * wrapped subject), read as one string whose positions map back to offsets
 * in the document. Pieces are joined with a single space.
 */
export class ValueText {
  readonly text: string;
  /** Document offset of each position of the joined text (a joining space maps to the end of the piece before it). */
  private readonly offsets: Int32Array;
  /** Piece index of each position of the joined text. */
  private readonly pieceOf: Int32Array;

  /** `emptyAt` is where an empty value stands (just after its label), so its spans stay inside the field. */
  constructor(readonly pieces: { start: number; text: string }[], emptyAt = 0) {
    this.text = pieces.map((p) => p.text).join(' ');
    const n = this.text.length;
    this.offsets = new Int32Array(n + 1);
    this.pieceOf = new Int32Array(n + 1);
    let at = 0;
    pieces.forEach((p, k) => {
      if (k > 0) {
        // The joining space.
        this.offsets[at] = pieces[k - 1].start + pieces[k - 1].text.length;
        this.pieceOf[at] = k - 1;
        at++;
      }
      for (let j = 0; j < p.text.length; j++, at++) {
        this.offsets[at] = p.start + j;
        this.pieceOf[at] = k;
      }
    });
    const last = pieces[pieces.length - 1];
    this.offsets[n] = last ? last.start + last.text.length : emptyAt;
    this.pieceOf[n] = Math.max(0, pieces.length - 1);
  }

  /** The document offset of position `i` of the joined text. */
  offset(i: number): number {
    return this.offsets[Math.max(0, Math.min(i, this.text.length))];
  }

  /** The document span of `[from, to)` of the joined text. */
  span(from: number, to: number): Span {
    return { start: this.spanStart(from), end: this.spanEnd(from, to) };
  }

  /** Start of the document span of `[from, to)`. */
  spanStart(from: number): number {
    return this.offset(from);
  }

  /** End of the document span of `[from, to)`: mapped from the last character inside, so a range ending at a join does not spill over. */
  spanEnd(from: number, to: number): number {
    const start = this.offset(from);
    return to > from ? Math.max(start, this.offset(to - 1) + 1) : start;
  }

  /** Index of the piece holding joined position `i` (which line of the value it is on). */
  pieceAt(i: number): number {
    return this.pieceOf[Math.max(0, Math.min(i, this.text.length))];
  }
}
