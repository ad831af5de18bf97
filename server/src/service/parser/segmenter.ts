/**
 * Splits a lexed file into cables. A cable starts at a header item (a page
 * header, distribution line, DTG line, FM, text header, E.O., TAGS, SUBJECT,
 * MRN...) together with the classification lines just before it; a second
 * occurrence of a header item that a cable already has starts the next cable.
 * A cable ends at NNNN, at an email header, before the next cable, or at its
 * last line of content; release stamps and blank lines after that are outside.
 */
import type { Source } from '../text/source';
import { hasLowerCase } from '../text/chars';
import { isDateLabel } from './fieldValues';
import type { Item, LexedLine } from './lexer';

/** Line range of one cable, inclusive: its content, and its segment (the content plus the release stamps printed on its first and last page). */
export interface CableRange {
  startLine: number;
  endLine: number;
  segmentStart: number;
  segmentEnd: number;
}

/** The line range of a cable `lineDelta` lines further down. */
export function shiftRange(r: CableRange, lineDelta: number): CableRange {
  return { startLine: r.startLine + lineDelta, endLine: r.endLine + lineDelta, segmentStart: r.segmentStart + lineDelta, segmentEnd: r.segmentEnd + lineDelta };
}

interface OpenCable {
  start: number;
  segmentStart: number;
  /** What header items the cable has shown (bits of K). */
  has: number;
  lastContent: number;
  trailerDone: boolean;
  awaitValue: boolean;
}

/** The state of a {@link Segmenter} between two lines: plain data, so that a later parse can resume from it. */
export interface SegmenterState {
  cur: OpenCable | undefined;
  pendingOutside: number | undefined;
  seenContent: boolean;
  fallbackCandidate: boolean;
  waiting: CableRange | undefined;
  floor: number;
  emitted: number;
}

/** Whether state `b` is state `a` taken `lineDelta` lines further down (the cable counts may differ). */
export function sameStateShifted(a: SegmenterState, b: SegmenterState, lineDelta: number): boolean {
  const line = (x: number | undefined, y: number | undefined) => (x === undefined ? y === undefined : y === x + lineDelta);
  const ac = a.cur;
  const bc = b.cur;
  const curSame =
    ac === undefined
      ? bc === undefined
      : bc !== undefined &&
        line(ac.start, bc.start) && line(ac.segmentStart, bc.segmentStart) && line(ac.lastContent, bc.lastContent) &&
        ac.has === bc.has && ac.trailerDone === bc.trailerDone && ac.awaitValue === bc.awaitValue;
  const aw = a.waiting;
  const bw = b.waiting;
  const waitingSame =
    aw === undefined
      ? bw === undefined
      : bw !== undefined && line(aw.startLine, bw.startLine) && line(aw.endLine, bw.endLine) && line(aw.segmentStart, bw.segmentStart) && line(aw.segmentEnd, bw.segmentEnd);
  return (
    curSame && waitingSame && line(a.pendingOutside, b.pendingOutside) && line(a.floor, b.floor) &&
    a.seenContent === b.seenContent && a.fallbackCandidate === b.fallbackCandidate && (a.emitted > 0) === (b.emitted > 0)
  );
}

/** What a line holds that matters to segmentation, as bits (a line is tested a dozen times; bits cost nothing). */
const K = {
  page1: 1 << 0, page: 1 << 1, dist: 1 << 2, drafting: 1 << 3, dtg: 1 << 4, fm: 1 << 5, texthdr: 1 << 6, section: 1 << 7,
  eo: 1 << 8, tags: 1 << 9, subject: 1 << 10, mrn: 1 << 11, office: 1 << 12, para: 1 << 13, end: 1 << 14, marking: 1 << 15,
  'trailer-end': 1 << 16,
} as const;

const STARTS = K.page1 | K.page | K.dist | K.drafting | K.dtg | K.fm | K.texthdr | K.section | K.eo | K.tags | K.subject | K.mrn | K.office;
const REPEATS = K.dist | K.dtg | K.fm | K.texthdr | K.section | K.mrn | K.eo | K.tags | K.subject;
/** What a cable must already have for a `PAGE 01` header to begin the next one. */
const BEFORE_PAGE1 = K.page1 | K.page | K.dtg | K.fm | K.eo | K.tags | K.subject | K.mrn | K.para;

function keysOf(items: Item[], text: Source): number {
  let keys = 0;
  for (const it of items) {
    switch (it.k) {
      case 'pageHeader': keys |= it.page === 1 ? K.page1 : K.page; break;
      case 'distribution': if (it.opener) keys |= K.dist; break;
      case 'drafting': keys |= K.drafting; break;
      case 'dtg': keys |= K.dtg; break;
      case 'address': if (it.which === 'from') keys |= K.fm; break;
      case 'textHeader': keys |= K.texthdr; if (it.section) keys |= K.section; break;
      case 'section': keys |= K.section; break;
      case 'eo': keys |= K.eo; break;
      case 'tags': keys |= K.tags; break;
      // A mixed-case `Subject:` is an email's or a messaging-system field's; only the drafted SUBJECT: starts or repeats a cable.
      case 'subject': if (!hasLowerCase(text, it.start, it.labelEnd)) keys |= K.subject; break;
      case 'field':
        if (it.label === 'MRN') keys |= K.mrn;
        else if (it.label === 'Action Office' || it.label === 'Info Office') keys |= K.office;
        else if (isDateLabel(it.label)) keys |= K.dtg;
        else if (it.label === 'Dissemination Rule' || it.label === 'Action Post') keys |= K['trailer-end'];
        break;
      case 'paragraph': keys |= K.para; break;
      case 'end': keys |= K.end; break;
      case 'marking': if (it === items[0] && !it.sbuOnly) keys |= K.marking; break;
      default: break;
    }
  }
  return keys;
}

/**
 * Finds the cables of a file, one line at a time: each cable is handed over as
 * soon as its segment is final, so the caller can build it and let its lexed
 * lines go (memory stays flat however many cables a file holds). With
 * `assumeCable`, a file that has no header at all but does have numbered
 * paragraphs or a classification line is taken as one cable (a draft being
 * typed); without it, such a file is all outside.
 */
export class Segmenter {
  private cur: OpenCable | undefined;
  private pendingOutside: number | undefined;
  private seenContent = false;
  private fallbackCandidate = false;
  /** A closed cable whose segment may still take in the release stamps printed below it. */
  private waiting: CableRange | undefined;
  /** First line no handed-over segment holds. */
  private floor = 0;
  private emitted = 0;

  /** `from` resumes where a {@link snapshot} was taken; every line it was taken after is read again only through `lines`. */
  constructor(
    private readonly text: Source,
    private readonly lines: LexedLine[],
    private readonly assumeCable: boolean,
    private readonly emit: (range: CableRange) => void,
    from?: SegmenterState,
  ) {
    if (from) this.restore(from);
  }

  /** How many cables have been handed over. */
  get emittedCount(): number {
    return this.emitted;
  }

  /**
   * Everything the segmenter knows after the line it last read. It looks back
   * no further than `floor`: a segmenter resumed from it over the same lines
   * from `floor` on hands over the same cables as the one it was taken from.
   */
  snapshot(): SegmenterState {
    return {
      cur: this.cur && { ...this.cur },
      pendingOutside: this.pendingOutside,
      seenContent: this.seenContent,
      fallbackCandidate: this.fallbackCandidate,
      waiting: this.waiting && { ...this.waiting },
      floor: this.floor,
      emitted: this.emitted,
    };
  }

  private restore(s: SegmenterState) {
    this.cur = s.cur && { ...s.cur };
    this.pendingOutside = s.pendingOutside;
    this.seenContent = s.seenContent;
    this.fallbackCandidate = s.fallbackCandidate;
    this.waiting = s.waiting && { ...s.waiting };
    this.floor = s.floor;
    this.emitted = s.emitted;
  }

  /** Reads line `i`; every line before it has been read. */
  push(i: number): void {
    const lines = this.lines;
    const items = lines[i].items;
    if (items.length === 0) return;
    const k0 = items[0].k;
    if (k0 === 'stamp') return;
    if (k0 === 'email') {
      if (this.cur) this.close(this.cur.lastContent);
      this.settle(i - 1);
      this.pendingOutside = undefined;
      this.seenContent = true;
      return;
    }
    // A line of prose alone (most lines) holds nothing that segmentation looks for.
    const keys = k0 === 'text' && items.length === 1 ? 0 : keysOf(items, this.text);
    const cur = this.cur;
    if (cur) {
      if (keys & K.end) {
        cur.lastContent = i;
        this.close(i);
        return;
      }
      // After a messaging cable's last trailer fields, unindented prose is no longer the cable.
      // (The value of a label that stands alone on its line, as some OCR prints it, still belongs to the cable.)
      if (cur.trailerDone && !cur.awaitValue && k0 === 'text' && lines[i].indentEnd - lines[i].start < 8) {
        this.close(cur.lastContent);
      } else {
        const repeated = ((keys & K.page1) !== 0 && (cur.has & BEFORE_PAGE1) !== 0 ? K.page1 : 0) | (keys & REPEATS & cur.has);
        if (repeated) {
          let start = i;
          for (let j = i - 1; j > cur.start; j--) {
            const it = lines[j].items;
            if (it.length === 0 || it[0].k === 'stamp' || it[0].k === 'pageNumber') continue;
            if (it[0].k === 'marking' && it[0].sbuOnly) continue;
            // A banner that itself carries the repeated header (`CONFIDENTIAL PAGE 01`) belongs to the cable before.
            if (it[0].k === 'marking' && (keysOf(it, this.text) & repeated) === 0) start = j;
            break;
          }
          let last = start - 1;
          while (last > cur.start && !isContent(lines[last])) last--;
          this.close(last);
          // The new cable has seen what the lines it took over hold (a banner can carry PAGE 01 itself).
          let seen = keys;
          for (let j = start; j < i; j++) seen |= keysOf(lines[j].items, this.text);
          this.open(start, seen);
          this.cur!.lastContent = i;
          return;
        }
        cur.has |= keys;
        if (keys & K['trailer-end']) cur.trailerDone = true;
        // A label alone on its line awaits its value on the next (the first item's kind was read once, above).
        cur.awaitValue = k0 === 'field' && items[0].end <= (items[0] as Extract<Item, { k: 'field' }>).labelEnd;
        // Stamps and email headers returned above: the line is content.
        cur.lastContent = i;
        return;
      }
    }

    // Outside any cable.
    if (keys & K.marking) {
      this.fallbackCandidate = true;
      if (!this.seenContent) {
        this.seenContent = true;
        this.open(i, keys);
        return;
      }
      this.pendingOutside ??= i;
      return;
    }
    if (k0 === 'marking' && (items[0] as Extract<Item, { k: 'marking' }>).sbuOnly) return;
    this.seenContent = true;
    // NNNN ends a message: a classification line before it belonged to that message, not to the next.
    if (keys & K.end) {
      this.pendingOutside = undefined;
      this.settle(i - 1);
      return;
    }
    if (keys & STARTS) {
      this.open(this.pendingOutside ?? i, keys);
      this.cur!.lastContent = i;
      if (keys & K.end) this.close(i);
      return;
    }
    if (keys & K.para) {
      this.fallbackCandidate = true;
      if (this.pendingOutside !== undefined) {
        this.open(this.pendingOutside, keys);
        this.cur!.lastContent = i;
        return;
      }
    }
    // Prose (an email's text) between a classification line and a header means the line was not the cable's.
    if (this.pendingOutside !== undefined && /[a-z]{2}/.test(lineText(lines[i], this.text))) this.pendingOutside = undefined;
    if (this.pendingOutside === undefined) this.settle(i - 1);
  }

  /** Ends the file: hands over what is still open. */
  finish(): void {
    const lines = this.lines;
    if (this.cur) this.close(this.cur.lastContent);
    this.settle(lines.length - 1);
    if (this.emitted === 0 && this.assumeCable && this.fallbackCandidate) {
      let first = 0;
      while (first < lines.length && !isContent(lines[first])) first++;
      let last = lines.length - 1;
      while (last > first && !isContent(lines[last])) last--;
      // Nothing of a message comes after its NNNN.
      for (let i = first; i < last; i++) {
        if (lines[i].items[0]?.k === 'end') {
          last = i;
          break;
        }
      }
      if (first < lines.length) this.hand({ startLine: first, endLine: last, segmentStart: first, segmentEnd: last });
    }
  }

  private open(start: number, keys: number) {
    this.settle(start - 1);
    // The segment takes in the release stamps printed just above the cable (blank lines between are fine).
    let segmentStart = start;
    for (let i = start - 1; i >= this.floor && (isStamp(this.lines[i]) || isBlank(this.lines[i])); i--) if (isStamp(this.lines[i])) segmentStart = i;
    this.cur = { start, segmentStart, has: keys, lastContent: start, trailerDone: false, awaitValue: false };
    this.pendingOutside = undefined;
  }

  private close(endLine: number) {
    const cur = this.cur;
    if (!cur) return;
    const end = Math.max(cur.start, endLine);
    this.waiting = { startLine: cur.start, endLine: end, segmentStart: cur.segmentStart, segmentEnd: end };
    this.cur = undefined;
  }

  /** Hands over the closed cable, its segment taking in the release stamps printed below it up to line `ceiling` (blank lines between are fine). */
  private settle(ceiling: number) {
    const r = this.waiting;
    if (!r) return;
    this.waiting = undefined;
    for (let i = r.endLine + 1; i <= ceiling && (isStamp(this.lines[i]) || isBlank(this.lines[i])); i++) if (isStamp(this.lines[i])) r.segmentEnd = i;
    this.hand(r);
  }

  private hand(r: CableRange) {
    this.floor = r.segmentEnd + 1;
    this.emitted++;
    this.emit(r);
  }
}

function isStamp(line: LexedLine): boolean {
  return line.items[0]?.k === 'stamp';
}

function isBlank(line: LexedLine): boolean {
  return line.items.length === 0;
}

function lineText(line: LexedLine, text: Source): string {
  return text.slice(line.indentEnd, line.end);
}

function isContent(line: LexedLine): boolean {
  const k = line.items[0]?.k;
  return k !== undefined && k !== 'stamp' && k !== 'email';
}
