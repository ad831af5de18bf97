/**
 * Splits a lexed file into cables. A cable starts at a header item (a page
 * header, distribution line, DTG line, FM, text header, E.O., TAGS, SUBJECT,
 * MRN...) together with the classification lines just before it; a second
 * occurrence of a header item that a cable already has starts the next cable.
 * A cable ends at NNNN, at an email header, before the next cable, or at its
 * last line of content; release stamps and blank lines after that are outside.
 */
import { DATE_LABEL, type Item, type LexedLine } from './lexer';

/** Line range of one cable, inclusive: its content, and its segment (the content plus the release stamps printed on its first and last page). */
export interface CableRange {
  startLine: number;
  endLine: number;
  segmentStart: number;
  segmentEnd: number;
}

/** What a line holds that matters to segmentation, as bits (a line is tested a dozen times; bits cost nothing). */
const K = {
  page1: 1 << 0, page: 1 << 1, dist: 1 << 2, drafting: 1 << 3, dtg: 1 << 4, fm: 1 << 5, texthdr: 1 << 6, section: 1 << 7,
  eo: 1 << 8, tags: 1 << 9, subject: 1 << 10, mrn: 1 << 11, office: 1 << 12, para: 1 << 13, end: 1 << 14, marking: 1 << 15,
  'trailer-end': 1 << 16,
} as const;
type Key = keyof typeof K;

const STARTS = K.page1 | K.page | K.dist | K.drafting | K.dtg | K.fm | K.texthdr | K.section | K.eo | K.tags | K.subject | K.mrn | K.office;
const REPEATS = K.dist | K.dtg | K.fm | K.texthdr | K.section | K.mrn | K.eo | K.tags | K.subject;
/** What a cable must already have for a `PAGE 01` header to begin the next one. */
const BEFORE_PAGE1 = K.page1 | K.page | K.dtg | K.fm | K.eo | K.tags | K.subject | K.mrn | K.para;

class Keys {
  bits = 0;
  add(k: Key): void {
    this.bits |= K[k];
  }
}

function keysOf(items: Item[], text: string): number {
  const keys = new Keys();
  for (const it of items) {
    switch (it.k) {
      case 'pageHeader': keys.add(it.page === 1 ? 'page1' : 'page'); break;
      case 'distribution': if (it.opener) keys.add('dist'); break;
      case 'drafting': keys.add('drafting'); break;
      case 'dtg': keys.add('dtg'); break;
      case 'address': if (it.which === 'from') keys.add('fm'); break;
      case 'textHeader': keys.add('texthdr'); if (it.section) keys.add('section'); break;
      case 'section': keys.add('section'); break;
      case 'eo': keys.add('eo'); break;
      case 'tags': keys.add('tags'); break;
      // A mixed-case `Subject:` is an email's or a messaging-system field's; only the drafted SUBJECT: starts or repeats a cable.
      case 'subject': if (!/[a-z]/.test(text.slice(it.start, it.labelEnd))) keys.add('subject'); break;
      case 'field':
        if (it.label === 'MRN') keys.add('mrn');
        else if (/^(Action Office|Info Office)$/.test(it.label)) keys.add('office');
        else if (DATE_LABEL.test(it.label)) keys.add('dtg');
        else if (/^(Dissemination Rule|Action Post)$/.test(it.label)) keys.add('trailer-end');
        break;
      case 'paragraph': keys.add('para'); break;
      case 'end': keys.add('end'); break;
      case 'marking': if (it === items[0] && !it.sbuOnly) keys.add('marking'); break;
      default: break;
    }
  }
  return keys.bits;
}

/**
 * Finds the cables of a file. With `assumeCable`, a file that has no header
 * at all but does have numbered paragraphs or a classification line is taken
 * as one cable (a draft being typed); without it, such a file is all outside.
 */
export function segmentCables(text: string, lines: LexedLine[], assumeCable: boolean): CableRange[] {
  const out: CableRange[] = [];
  let cur: { start: number; has: number; lastContent: number; trailerDone: boolean; awaitValue: boolean } | undefined;
  let pendingOutside: number | undefined;
  let seenContent = false;
  let fallbackCandidate = false;

  const close = (endLine: number) => {
    if (cur) out.push({ startLine: cur.start, endLine: Math.max(cur.start, endLine), segmentStart: cur.start, segmentEnd: Math.max(cur.start, endLine) });
    cur = undefined;
  };
  const open = (start: number, keys: number) => {
    cur = { start, has: keys, lastContent: start, trailerDone: false, awaitValue: false };
    pendingOutside = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const items = lines[i].items;
    if (items.length === 0) continue;
    const k0 = items[0].k;
    if (k0 === 'email') {
      if (cur) close(cur.lastContent);
      pendingOutside = undefined;
      seenContent = true;
      continue;
    }
    if (k0 === 'stamp') continue;
    const keys = keysOf(items, text);

    if (cur) {
      if (keys & K.end) {
        cur.lastContent = i;
        close(i);
        continue;
      }
      // After a messaging cable's last trailer fields, unindented prose is no longer the cable.
      // (The value of a label that stands alone on its line, as some OCR prints it, still belongs to the cable.)
      if (cur.trailerDone && !cur.awaitValue && k0 === 'text' && lines[i].indentEnd - lines[i].start < 8) {
        close(cur.lastContent);
      } else {
        const repeated = ((keys & K.page1) !== 0 && (cur.has & BEFORE_PAGE1) !== 0 ? K.page1 : 0) | (keys & REPEATS & cur.has);
        if (repeated) {
          let start = i;
          for (let j = i - 1; j > cur.start; j--) {
            const it = lines[j].items;
            if (it.length === 0 || it[0].k === 'stamp' || it[0].k === 'pageNumber') continue;
            if (it[0].k === 'marking' && it[0].sbuOnly) continue;
            // A banner that itself carries the repeated header (`CONFIDENTIAL PAGE 01`) belongs to the cable before.
            if (it[0].k === 'marking' && (keysOf(it, text) & repeated) === 0) start = j;
            break;
          }
          let last = start - 1;
          while (last > cur.start && !isContent(lines[last])) last--;
          close(last);
          // The new cable has seen what the lines it took over hold (a banner can carry PAGE 01 itself).
          let seen = keys;
          for (let j = start; j < i; j++) seen |= keysOf(lines[j].items, text);
          open(start, seen);
          cur!.lastContent = i;
          continue;
        }
        cur.has |= keys;
        if (keys & K['trailer-end']) cur.trailerDone = true;
        const f = items[0];
        cur.awaitValue = f.k === 'field' && f.end <= f.labelEnd;
        if (isContent(lines[i])) cur.lastContent = i;
        continue;
      }
    }

    // Outside any cable.
    if (keys & K.marking) {
      fallbackCandidate = true;
      if (!seenContent) {
        seenContent = true;
        open(i, keys);
        continue;
      }
      pendingOutside ??= i;
      continue;
    }
    if (items[0].k === 'marking' && items[0].sbuOnly) continue;
    seenContent = true;
    // NNNN ends a message: a classification line before it belonged to that message, not to the next.
    if (keys & K.end) {
      pendingOutside = undefined;
      continue;
    }
    if (keys & STARTS) {
      open(pendingOutside ?? i, keys);
      cur!.lastContent = i;
      if (keys & K.end) close(i);
      continue;
    }
    if (keys & K.para) {
      fallbackCandidate = true;
      if (pendingOutside !== undefined) {
        open(pendingOutside, keys);
        cur!.lastContent = i;
        continue;
      }
    }
    // Prose (an email's text) between a classification line and a header means the line was not the cable's.
    if (/[a-z]{2}/.test(lineText(lines[i], text))) pendingOutside = undefined;
  }
  if (cur) close(cur.lastContent);

  if (out.length === 0 && assumeCable && fallbackCandidate) {
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
    if (first < lines.length) out.push({ startLine: first, endLine: last, segmentStart: first, segmentEnd: last });
  }
  return withStamps(out, lines);
}

/**
 * Widens each cable's segment over the release stamps printed just above and
 * below it (blank lines between are fine): they are the stamps of the cable's
 * own first and last page, and they tell that the copy is a release.
 */
function withStamps(ranges: CableRange[], lines: LexedLine[]): CableRange[] {
  const stamp = (i: number) => lines[i].items[0]?.k === 'stamp';
  const blank = (i: number) => lines[i].items.length === 0;
  let floor = 0;
  ranges.forEach((r, k) => {
    for (let i = r.startLine - 1; i >= floor && (stamp(i) || blank(i)); i--) if (stamp(i)) r.segmentStart = i;
    const ceiling = k + 1 < ranges.length ? ranges[k + 1].startLine - 1 : lines.length - 1;
    for (let i = r.endLine + 1; i <= ceiling && (stamp(i) || blank(i)); i++) if (stamp(i)) r.segmentEnd = i;
    floor = r.segmentEnd + 1;
  });
  return ranges;
}

function lineText(line: LexedLine, text: string): string {
  return text.slice(line.indentEnd, line.end);
}

function isContent(line: LexedLine): boolean {
  const k = line.items[0]?.k;
  return k !== undefined && k !== 'stamp' && k !== 'email';
}
