/**
 * Splits a lexed file into cables. A cable starts at a header item (a page
 * header, distribution line, DTG line, FM, text header, E.O., TAGS, SUBJECT,
 * MRN...) together with the classification lines just before it; a second
 * occurrence of a header item that a cable already has starts the next cable.
 * A cable ends at NNNN, at an email header, before the next cable, or at its
 * last line of content; release stamps and blank lines after that are outside.
 */
import type { Item, LexedLine } from './lexer';

/** Line range of one cable, inclusive. */
export interface CableRange {
  startLine: number;
  endLine: number;
}

type Key =
  | 'page1' | 'page' | 'dist' | 'drafting' | 'dtg' | 'fm' | 'texthdr' | 'section' | 'eo' | 'tags' | 'subject'
  | 'mrn' | 'office' | 'para' | 'end' | 'marking' | 'trailer-end';

const STARTS: ReadonlySet<Key> = new Set(['page1', 'page', 'dist', 'drafting', 'dtg', 'fm', 'texthdr', 'section', 'eo', 'tags', 'subject', 'mrn', 'office']);
const REPEATS: ReadonlySet<Key> = new Set(['dist', 'dtg', 'fm', 'texthdr', 'mrn', 'eo', 'tags', 'subject']);
/** What a cable must already have for a `PAGE 01` header to begin the next one. */
const BEFORE_PAGE1: readonly Key[] = ['page1', 'page', 'dtg', 'fm', 'eo', 'tags', 'subject', 'mrn', 'para'];

function keysOf(items: Item[], text: string): Set<Key> {
  const keys = new Set<Key>();
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
        else if (/^Date\/D/.test(it.label) || it.label === 'DTG') keys.add('dtg');
        else if (/^(Dissemination Rule|Action Post)$/.test(it.label)) keys.add('trailer-end');
        break;
      case 'paragraph': keys.add('para'); break;
      case 'end': keys.add('end'); break;
      case 'marking': if (it === items[0] && !it.sbuOnly) keys.add('marking'); break;
      default: break;
    }
  }
  return keys;
}

/**
 * Finds the cables of a file. With `assumeCable`, a file that has no header
 * at all but does have numbered paragraphs or a classification line is taken
 * as one cable (a draft being typed); without it, such a file is all outside.
 */
export function segmentCables(text: string, lines: LexedLine[], assumeCable: boolean): CableRange[] {
  const out: CableRange[] = [];
  let cur: { start: number; has: Set<Key>; lastContent: number; trailerDone: boolean } | undefined;
  let pendingOutside: number | undefined;
  let seenContent = false;
  let fallbackCandidate = false;

  const close = (endLine: number) => {
    if (cur) out.push({ startLine: cur.start, endLine: Math.max(cur.start, endLine) });
    cur = undefined;
  };
  const open = (start: number, keys: Iterable<Key>) => {
    cur = { start, has: new Set(keys), lastContent: start, trailerDone: false };
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
      if (keys.has('end')) {
        cur.lastContent = i;
        close(i);
        continue;
      }
      // After a messaging cable's last trailer fields, unindented prose is no longer the cable.
      if (cur.trailerDone && k0 === 'text' && lines[i].indentEnd - lines[i].start < 8) {
        close(cur.lastContent);
      } else {
        let restart = false;
        for (const key of keys) {
          if (key === 'page1' ? BEFORE_PAGE1.some((b) => cur!.has.has(b)) : REPEATS.has(key) && cur.has.has(key)) restart = true;
        }
        if (restart) {
          let start = i;
          for (let j = i - 1; j > cur.start; j--) {
            const it = lines[j].items;
            if (it.length === 0 || it[0].k === 'stamp' || it[0].k === 'pageNumber') continue;
            if (it[0].k === 'marking' && it[0].sbuOnly) continue;
            if (it[0].k === 'marking') start = j;
            break;
          }
          let last = start - 1;
          while (last > cur.start && !isContent(lines[last])) last--;
          close(last);
          open(start, keys);
          cur!.lastContent = i;
          continue;
        }
        for (const key of keys) cur.has.add(key);
        if (keys.has('trailer-end')) cur.trailerDone = true;
        if (isContent(lines[i])) cur.lastContent = i;
        continue;
      }
    }

    // Outside any cable.
    if (keys.has('marking')) {
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
    if ([...keys].some((k) => STARTS.has(k))) {
      open(pendingOutside ?? i, keys);
      cur!.lastContent = i;
      if (keys.has('end')) close(i);
      continue;
    }
    if (keys.has('para')) {
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
    if (first < lines.length) out.push({ startLine: first, endLine: last });
  }
  return out;
}

function lineText(line: LexedLine, text: string): string {
  return text.slice(line.indentEnd, line.end);
}

function isContent(line: LexedLine): boolean {
  const k = line.items[0]?.k;
  return k !== undefined && k !== 'stamp' && k !== 'email';
}
