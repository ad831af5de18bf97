import type { Span } from '../model';

/**
 * The value of a field that may run over several lines (an address list, a
 * wrapped subject), read as one string whose positions map back to offsets
 * in the document. Pieces are joined with a single space.
 */
export class ValueText {
  readonly text: string;
  /** Where each piece starts in the joined text (pieces are joined with one space). */
  private readonly joinedStarts: number[];
  /** The piece the last position asked about fell in: positions are mostly asked about in order. */
  private lastPiece = 0;
  /** {@link plain} and {@link upperAscii}, once worked out. */
  private plainText: boolean | undefined;
  private upperAsciiText: boolean | undefined;

  /** `emptyAt` is where an empty value stands (just after its label), so its spans stay inside the field. */
  constructor(
    readonly pieces: { start: number; text: string }[],
    private readonly emptyAt = 0,
  ) {
    this.text = pieces.length === 1 ? pieces[0].text : pieces.map((p) => p.text).join(' ');
    this.joinedStarts = new Array(pieces.length);
    let at = 0;
    for (let k = 0; k < pieces.length; k++) {
      this.joinedStarts[k] = at;
      at += pieces[k].text.length + 1;
    }
  }

  /**
   * Whether the text's only whitespace is single spaces, so that no part of it has whitespace to collapse:
   * worked out once for the whole value, not again for each part of it that is normalised.
   */
  get plain(): boolean {
    this.plainText ??= isPlain(this.text);
    return this.plainText;
  }

  /**
   * Whether the text is ASCII without a lower-case letter, so that no part of it needs upper-casing
   * (a telegram's address list, read a character at a time once per designation otherwise).
   */
  get upperAscii(): boolean {
    this.upperAsciiText ??= !LOWER_OR_BEYOND_ASCII.test(this.text);
    return this.upperAsciiText;
  }

  /** The document offset of position `i` of the joined text; a joining space maps to the end of the piece before it. */
  offset(i: number): number {
    const pieces = this.pieces;
    if (pieces.length === 0) return this.emptyAt;
    const k = pieces.length === 1 ? 0 : this.pieceAt(i);
    const within = Math.max(0, i - this.joinedStarts[k]);
    return pieces[k].start + Math.min(within, pieces[k].text.length);
  }

  /** The document span of `[from, to)` of the joined text. */
  span(from: number, to: number): Span {
    const start = this.offset(from);
    return { start, end: this.endAfter(start, from, to) };
  }

  /** Start of the document span of `[from, to)`. */
  spanStart(from: number): number {
    return this.offset(from);
  }

  /** End of the document span of `[from, to)`: mapped from the last character inside, so a range ending at a join does not spill over. */
  spanEnd(from: number, to: number): number {
    return this.endAfter(this.offset(from), from, to);
  }

  /** {@link spanEnd} where the start, `offset(from)`, is known. */
  private endAfter(start: number, from: number, to: number): number {
    return to > from ? Math.max(start, this.offset(to - 1) + 1) : start;
  }

  /** Index of the piece holding joined position `i` (which line of the value it is on). */
  pieceAt(i: number): number {
    const starts = this.joinedStarts;
    const k = this.lastPiece;
    if (starts[k] <= i && (k + 1 === starts.length || starts[k + 1] > i)) return k;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    this.lastPiece = lo;
    return lo;
  }
}

/** A lower-case ASCII letter or a character beyond ASCII. */
const LOWER_OR_BEYOND_ASCII = /[a-z\u0080-\uffff]/;

/** Two whitespace characters in a row, or any whitespace but a space: where `/\s+/g` → ' ' changes a string. */
const SPACE_RUN_OR_ODD = /\s\s|[^\S ]/;

/** Whether the only whitespace in `s` is single spaces: collapsing would leave it as it is (but for trimming). */
export function isPlain(s: string): boolean {
  return !SPACE_RUN_OR_ODD.test(s);
}

/**
 * `s.replace(/\s+/g, ' ').trim()`, without the replace where no whitespace but single spaces is there
 * (`plain`: `s` is part of a {@link ValueText.plain} value, so that is known without a test).
 */
export function collapseSpaces(s: string, plain = false): string {
  return !plain && !isPlain(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}
