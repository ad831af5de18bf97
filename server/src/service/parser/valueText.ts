import type { Span } from '../model';
import { isSpace } from '../text/chars';

/**
 * The value of a field that may run over several lines (an address list, a
 * wrapped subject), read as one string whose positions map back to offsets
 * in the document. Pieces are joined with a single space.
 */
export class ValueText {
  readonly text: string;
  /** Where each piece starts in the joined text (pieces are joined with one space). */
  private readonly joinedStarts: number[];

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
    const starts = this.joinedStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Codes 9 to 13 (tab, LF, VT, FF, CR) as bits. */
const TAB_TO_CR = 0b11111 << 9;
/** Tab, LF and CR as bits. */
const TAB_LF_CR = (1 << 9) | (1 << 10) | (1 << 13);

/**
 * Whether `s` holds two whitespace characters in a row, or a tab or line break (`/\s\s|[\t\n\r]/`): where
 * collapsing its whitespace changes more than single blanks. A character loop: on the short strings it is
 * asked about (designations), a regex call costs more than reading their few characters.
 */
export function hasSpaceRunOrBreak(s: string): boolean {
  return hasSpaceRun(s, TAB_LF_CR, false);
}

/** `s.replace(/\s+/g, ' ').trim()`, without the regex where no whitespace but single spaces is there. */
export function collapseSpaces(s: string): string {
  return hasSpaceRun(s, TAB_TO_CR, true) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/**
 * Whether `s` holds two whitespace characters in a row, or alone a character of code 9 to 13 whose bit is set
 * in `alone`, or (with `others`) any whitespace but a space.
 */
function hasSpaceRun(s: string, alone: number, others: boolean): boolean {
  let prev = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Printable ASCII first: nearly every character is.
    if (c > 32 && c < 127) {
      prev = false;
      continue;
    }
    const space = isSpace(c);
    if (space && (prev || (c <= 13 ? (alone & (1 << c)) !== 0 : others && c !== 32))) return true;
    prev = space;
  }
  return false;
}
