import type { Span } from '../model';

/**
 * The value of a field that may run over several lines (an address list, a
 * wrapped subject), read as one string whose positions map back to offsets
 * in the document. Pieces are joined with a single space.
 */
export class ValueText {
  readonly text: string;
  private readonly joinedStarts: number[] = [];
  private readonly pieceStarts: number[] = [];

  constructor(readonly pieces: { start: number; text: string }[]) {
    let text = '';
    for (const p of pieces) {
      if (text !== '') text += ' ';
      this.joinedStarts.push(text.length);
      this.pieceStarts.push(p.start);
      text += p.text;
    }
    this.text = text;
  }

  /** The document offset of position `i` of the joined text. */
  offset(i: number): number {
    let k = this.joinedStarts.length - 1;
    while (k > 0 && this.joinedStarts[k] > i) k--;
    if (k < 0) return 0;
    const within = i - this.joinedStarts[k];
    const pieceLen = this.pieces[k].text.length;
    // Positions on the joining space map to the end of the piece before it.
    return this.pieceStarts[k] + Math.min(within, pieceLen);
  }

  /** The document span of `[from, to)` of the joined text. */
  span(from: number, to: number): Span {
    const start = this.offset(from);
    // The end maps from the last character inside the range, so a range ending at a join does not spill over.
    const end = to > from ? this.offset(to - 1) + 1 : start;
    return { start, end: Math.max(start, end) };
  }

  /** Index of the piece holding joined position `i` (which line of the value it is on). */
  pieceAt(i: number): number {
    let k = this.joinedStarts.length - 1;
    while (k > 0 && this.joinedStarts[k] > i) k--;
    return Math.max(0, k);
  }
}
