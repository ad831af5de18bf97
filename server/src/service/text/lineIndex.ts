import { lastAtMost } from './sorted';
import { fullText, type Source } from './source';

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

  /** `starts` and `ends` are given by {@link LineIndex.edited}, which has worked them out, or from the index of an equal text. */
  constructor(
    readonly text: Source,
    known?: { starts: Int32Array; ends: Int32Array },
  ) {
    if (known) {
      this.starts = known.starts;
      this.ends = known.ends;
      return;
    }
    // Offsets go straight into one typed array, starts in its first half and ends in its second, sized for lines
    // of about 32 characters and grown by doubling: no array of boxed numbers to build and copy, and no copy at
    // the end (making a typed array costs far more than making a view of one). The views keep the spare room
    // (a quarter of the offsets' size for lines of 40 characters); an edit's index (`edited`) has none.
    const flat = fullText(text);
    let room = (flat.length >> 5) + 16;
    let both: Int32Array = new Int32Array(2 * room);
    let count = 0;
    const add = (start: number, end: number) => {
      if (count === room) {
        both = grown(both, room);
        room *= 2;
      }
      both[count] = start;
      both[room + count] = end;
      count++;
    };
    // Line breaks are found with indexOf (far faster than a character loop): in most texts LF alone, one call a
    // line; otherwise the nearer of the next CR and the next LF.
    let start = 0;
    let cr = flat.indexOf('\r');
    if (cr < 0) {
      for (let lf = flat.indexOf('\n'); lf >= 0; lf = flat.indexOf('\n', start)) {
        add(start, lf);
        start = lf + 1;
      }
    } else {
      let lf = flat.indexOf('\n');
      while (lf >= 0 || cr >= 0) {
        const at = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
        const next = at === cr && flat.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
        add(start, at);
        start = next;
        if (lf >= 0 && lf < next) lf = flat.indexOf('\n', next);
        if (cr >= 0 && cr < next) cr = flat.indexOf('\r', next);
      }
    }
    add(start, text.length);
    this.starts = both.subarray(0, count);
    this.ends = both.subarray(room, room + count);
  }

  /**
   * The line index of `text`, made from `before`, the index of the text it
   * was edited from: `[start, oldEnd)` of the old text became `[start,
   * newEnd)` of `text`. Only the lines around the edit are read; the lines
   * after it are copied, moved by the edit's length. Equal to `new
   * LineIndex(text)`: a CR and an LF that an edit brings together make one
   * line break, as they would.
   */
  static edited(before: LineIndex, text: Source, start: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    const oldCount = before.starts.length;
    // Old lines a to b - 1 are read again: from the line before the edit's (a CR ending it may meet an LF the
    // edit inserts) to the line the edit ends in, whose line break and everything after it the edit left alone.
    const a = Math.max(0, before.lineAt(start) - 1);
    const b = before.lineAt(oldEnd) + 1;
    const last = b >= oldCount;
    const to = last ? text.length : before.starts[b] + delta;
    const breakEnds: number[] = [];
    const nextStarts: number[] = [];
    for (let i = before.starts[a]; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      breakEnds.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      nextStarts.push(i + 1);
    }
    // Without a line after the edit's, every break read starts a line; otherwise the last one starts line b, moved.
    const mid = last ? nextStarts.length : nextStarts.length - 1;
    const tail = last ? 0 : oldCount - b;
    const starts = new Int32Array(a + 1 + mid + tail);
    const ends = new Int32Array(starts.length);
    starts.set(before.starts.subarray(0, a + 1));
    ends.set(before.ends.subarray(0, a));
    for (let i = 0; i < mid; i++) starts[a + 1 + i] = nextStarts[i];
    for (let i = 0; i < breakEnds.length; i++) ends[a + i] = breakEnds[i];
    if (last) {
      ends[a + breakEnds.length] = text.length;
    } else {
      const s0 = a + 1 + mid;
      const e0 = a + breakEnds.length;
      for (let i = 0; i < tail; i++) {
        starts[s0 + i] = before.starts[b + i] + delta;
        ends[e0 + i] = before.ends[b + i] + delta;
      }
    }
    return new LineIndex(text, { starts, ends });
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
    return lastAtMost(this.starts, offset, this.starts.length - 1);
  }

  /** Zero-based line and UTF-16 column of `offset`, clamped to the text. */
  positionAt(offset: number): { line: number; character: number } {
    const o = this.clamped(offset);
    const line = this.lineAt(o);
    return { line, character: this.characterOf(o, line) };
  }

  /**
   * Whether `positionAt(offset)` is `position`, told without searching for
   * the line or making a position: what a cache of converted ranges asks
   * of every range it holds, on every version.
   */
  positionIs(offset: number, position: { line: number; character: number }): boolean {
    const o = this.clamped(offset);
    const { starts } = this;
    const line = position.line;
    // `line` is the one lineAt would find: it starts at or before `o`, and the next one after it.
    if (line < 0 || line >= starts.length || starts[line] > o || (line + 1 < starts.length && starts[line + 1] <= o)) return false;
    return this.characterOf(o, line) === position.character;
  }

  /** `offset` clamped to the text. */
  private clamped(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }

  /** The UTF-16 column of offset `o` on `line`: an offset inside a CRLF pair belongs at the end of its line. */
  private characterOf(o: number, line: number): number {
    return Math.min(o, this.ends[line]) - this.starts[line];
  }

  /** Offset of a zero-based line and UTF-16 column, clamped to that line's content. */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line] + Math.max(0, character), this.ends[line]);
  }
}

/** `both` (starts in `[0, room)`, ends in `[room, 2 room)`) with twice the room. */
function grown(both: Int32Array, room: number): Int32Array {
  const b = new Int32Array(4 * room);
  b.set(both.subarray(0, room));
  b.set(both.subarray(room), 2 * room);
  return b;
}
