import { compactCopy, ownCopy } from './ownStrings';
import { lastAtMost } from './sorted';

/**
 * The text the language service reads. A command line hands it a string; an
 * editor hands it a {@link Rope}, so that a keystroke in a large document
 * never copies the whole text. Only what both offer is read: slices,
 * characters, the length. Offsets are UTF-16 code units, as for strings.
 */
export interface Source {
  readonly length: number;
  slice(start?: number, end?: number): string;
  charCodeAt(index: number): number;
  charAt(index: number): string;
  startsWith(search: string, position?: number): boolean;
}

/** The whole text as one string (a copy of a rope's chunks; the string itself when it is one). */
export function fullText(source: Source): string {
  return typeof source === 'string' ? source : source.toString();
}

/**
 * Chunks are cut after a line break once they reach this many characters, so
 * that a line rarely spans two; an edited chunk is cut again past four times
 * this, and joined to the next below a quarter of it.
 */
const CHUNK = 16_384;

/**
 * An immutable text held as chunks of a few thousand characters. Editing it
 * makes a new rope that shares every chunk but the edited ones, in time
 * proportional to the number of chunks, not the text; reading a slice costs
 * the slice. The whole text is joined only when asked ({@link toString}).
 * The chunks are strings of their own: the text a rope was made of is not
 * kept alive by it.
 */
export class Rope implements Source {
  /** The chunk the last read fell in: reads go mostly forward, line by line. */
  private hint = 0;

  private constructor(
    private readonly chunks: readonly string[],
    /** Offset of each chunk's first character, and the length last. */
    private readonly starts: Int32Array,
    /** The size chunks are cut to. */
    readonly chunkSize: number,
  ) {}

  /** A rope of `text`; `chunkSize` is for tests, which want many chunks in a small text. */
  static of(text: string, chunkSize = CHUNK): Rope {
    const size = Math.max(1, Math.floor(chunkSize));
    const chunks = cut(text, size);
    return new Rope(chunks, startsOf(chunks), size);
  }

  get length(): number {
    return this.starts[this.chunks.length];
  }

  /** The rope with `[start, end)` replaced by `text` (offsets clamped to the rope). */
  edited(start: number, end: number, text: string): Rope {
    const n = this.chunks.length;
    const s = clamp(start, this.length);
    const e = Math.max(s, clamp(end, this.length));
    if (n === 0) return Rope.of(text, this.chunkSize);
    // The chunks from the one holding `s` to the one holding `e` (an edit at a chunk's end belongs to that chunk).
    const a = this.chunkAt(s > 0 ? s - 1 : 0);
    let b = this.chunkAt(e > 0 ? e - 1 : 0);
    if (b < a) b = a;
    const from = this.starts[a];
    let middle = this.chunks[a].slice(0, s - from) + text + this.chunks[b].slice(e - this.starts[b]);
    let last = b;
    // A chunk left small takes in the next one, so that edits never leave a trail of tiny chunks.
    if (middle.length < this.chunkSize / 4 && last + 1 < n) middle += this.chunks[++last];
    const pieces = middle.length > 4 * this.chunkSize ? cut(middle, this.chunkSize) : middle === '' ? [] : [ownCopy(middle)];
    const chunks = this.chunks.slice(0, a).concat(pieces, this.chunks.slice(last + 1));
    const starts = new Int32Array(chunks.length + 1);
    starts.set(this.starts.subarray(0, a));
    let at = from;
    for (let i = a; i < chunks.length; i++) {
      starts[i] = at;
      at += chunks[i].length;
    }
    starts[chunks.length] = at;
    return new Rope(chunks, starts, this.chunkSize);
  }

  slice(start = 0, end = this.length): string {
    const len = this.length;
    const s = start < 0 ? Math.max(0, len + start) : Math.min(start, len);
    const e = end < 0 ? Math.max(0, len + end) : Math.min(end, len);
    if (e <= s) return '';
    let i = this.chunkAt(s);
    const first = this.starts[i];
    if (e <= this.starts[i + 1]) return this.chunks[i].slice(s - first, e - first);
    let out = this.chunks[i].slice(s - first);
    for (i++; this.starts[i + 1] < e; i++) out += this.chunks[i];
    return out + this.chunks[i].slice(0, e - this.starts[i]);
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return NaN;
    const i = this.chunkAt(index);
    return this.chunks[i].charCodeAt(index - this.starts[i]);
  }

  charAt(index: number): string {
    if (!(index >= 0 && index < this.length)) return '';
    const i = this.chunkAt(index);
    return this.chunks[i].charAt(index - this.starts[i]);
  }

  startsWith(search: string, position = 0): boolean {
    const at = clamp(position, this.length);
    return this.slice(at, at + search.length) === search;
  }

  /** The whole text, joined anew: a rope keeps only its chunks, so that a document is held once. */
  toString(): string {
    return this.chunks.join('');
  }

  /** The chunk holding `offset` (the last one for the rope's end), found from the last one read when near it. */
  private chunkAt(offset: number): number {
    const starts = this.starts;
    const n = this.chunks.length;
    let h = this.hint;
    if (h < n && starts[h] <= offset) {
      if (offset < starts[h + 1]) return h;
      if (h + 1 < n && offset < starts[h + 2]) return (this.hint = h + 1);
    }
    h = lastAtMost(starts, offset, n - 1);
    this.hint = h;
    return h;
  }
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(Number.isFinite(offset) ? Math.trunc(offset) : 0, length));
}

/** `text` cut into chunks of their own (views into it would keep it alive) just after a line break once each reaches `size` characters (hard at twice that). */
function cut(text: string, size: number): string[] {
  const out: string[] = [];
  let at = 0;
  while (text.length - at > size * 2) {
    const lf = text.indexOf('\n', at + size);
    let end = lf >= 0 && lf < at + size * 2 ? lf + 1 : at + size * 2;
    // A cut between the halves of a surrogate pair or of a CRLF would still read right, but is avoided all the same.
    const c = text.charCodeAt(end - 1);
    if ((c >= 0xd800 && c <= 0xdbff) || c === 13) end++;
    out.push(compactCopy(text.slice(at, end)));
    at = end;
  }
  if (at < text.length) out.push(compactCopy(text.slice(at)));
  return out;
}

function startsOf(chunks: readonly string[]): Int32Array {
  const starts = new Int32Array(chunks.length + 1);
  let at = 0;
  for (let i = 0; i < chunks.length; i++) {
    starts[i] = at;
    at += chunks[i].length;
  }
  starts[chunks.length] = at;
  return starts;
}
