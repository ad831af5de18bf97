/**
 * The line lexer: cuts one line into items, each a candidate for one thing a
 * cable is made of. Lines are the parser's sync points, but OCR runs several
 * fields into one line (`PAGE 02 BRUSSE 03953 081041Z TAGS: ... SUBJECT: ...`),
 * so a line can hold several items. The lexer knows almost nothing of context;
 * the cable builder decides what each item finally is.
 */
import type { Source } from '../text/source';
import { asString, charAt, codeAt, isLowerCase } from '../text/chars';
import type { Dtg } from '../model';
import { readDtg } from './dtg';
import { readMarking, type MarkingMatch } from './levels';

export type AddressKind = 'from' | 'to' | 'info' | 'xmt';

/** One thing found on a line. Offsets are absolute (into the whole text). */
export type Item =
  | { k: 'stamp'; start: number; end: number }
  | { k: 'email'; start: number; end: number }
  | { k: 'marking'; start: number; end: number; m: MarkingMatch; sbuOnly: boolean }
  | { k: 'statement'; start: number; end: number; m: MarkingMatch }
  | { k: 'textHeader'; start: number; end: number; m: MarkingMatch; post?: { text: string; start: number; end: number }; serial?: { text: string; start: number; end: number }; section?: { part: number; of: number; start: number; end: number } }
  | { k: 'pageHeader'; start: number; end: number; page: number; pageStart: number; pageEnd: number; post?: { text: string; start: number; end: number }; serial?: { text: string; start: number; end: number }; time?: string }
  | { k: 'pageFragment'; start: number; end: number; post?: { text: string; start: number; end: number }; serial?: { text: string; start: number; end: number }; time?: string }
  | { k: 'pageNumber'; start: number; end: number }
  | { k: 'distribution'; start: number; end: number; opener: boolean }
  | { k: 'drafting'; start: number; end: number }
  | { k: 'routing'; start: number; end: number }
  | { k: 'dtg'; start: number; end: number; dtg: Dtg }
  | { k: 'address'; start: number; end: number; which: AddressKind; labelEnd: number; labelled: boolean; precedenceFirst?: boolean }
  | { k: 'section'; start: number; end: number; part: number; of: number; wordsEnd: number; post?: { text: string; start: number; end: number }; serial?: { text: string; start: number; end: number } }
  | { k: 'eo'; start: number; end: number; labelEnd: number; label: string }
  | { k: 'tags'; start: number; end: number; labelEnd: number }
  | { k: 'subject'; start: number; end: number; labelEnd: number }
  | { k: 'ref'; start: number; end: number; labelEnd: number; labelled: boolean }
  | { k: 'classifiedBy'; start: number; end: number; labelEnd: number }
  | { k: 'field'; start: number; end: number; label: string; labelEnd: number }
  | { k: 'paragraph'; start: number; end: number; number: number; numberEnd: number; portion?: { text: string; start: number; end: number }; textStart: number }
  | { k: 'subparagraph'; start: number; end: number; label: string; labelEnd: number; style: 'letter' | 'number'; portion?: { text: string; start: number; end: number } }
  | { k: 'end'; start: number; end: number }
  | { k: 'bt'; start: number; end: number }
  | { k: 'caption'; start: number; end: number }
  | { k: 'text'; start: number; end: number };

export type ItemKind = Item['k'];

const NO_ITEMS: Item[] = [];

/** One lexed line. */
export interface LexedLine {
  start: number;
  end: number;
  /** Offset of the first non-blank character, or `end` for a blank line. */
  indentEnd: number;
  items: Item[];
}

// ---- Release material ---------------------------------------------------------------

const STAMP_PATTERNS: RegExp[] = [
  /Case\s*No\.?\s*[A-Z]?-?\d{2,4}-\d+/i,
  /^RELEASED?\s+IN\s+(FULL|PART)\b/i,
  /^RELEASED?\s+IN\s*$/i,
  /^(FULL|PART)(\s+B\d.*)?$/,
  /^REVIEW\s+AUTHORITY\s*:/i,
  /^DATE\/CASE\s+ID\s*:/i,
  /^UNITED STATES DEPARTMENT OF STATE$/,
  /Declassified\/Released\s+US\s+Department\s+of\s+State/i,
  /EO\s+Systematic\s+Review/i,
  /^Classified\s+by\s+.*\b(Dept\.?\s+of\s+State|A\/GIS|IPS)\b/i,
  /^Declassify\s+on\s*:/i,
  /^Reason\s*:\s*1\.[45]/i,
  /^DECLASSIFIED(\s+AUTHORITY.*)?$/,
  // Exemption codes printed in the margin: B1, B5,B6, 1.4(B), (b)(6).
  /^((B\s?\d|B\(\d\)|\(b\)\s?\(\d\)|1\.4\s*\(?[A-H]\)?|1\.4\([A-H]\))[\s,;]*)+$/i,
];

/**
 * The stamp patterns as two regexes, those read in any case and the others: one test each instead of one per
 * pattern (a line of a banner would otherwise try them all).
 */
const STAMP_TEXT = [true, false].map((i) => new RegExp(STAMP_PATTERNS.filter((re) => re.ignoreCase === i).map((re) => `(?:${re.source})`).join('|'), i ? 'i' : ''));

/** How stamps start, and what those that start with a reviewer's name hold: a cheap test before the patterns. */
const STAMP_START = /(?:RELEASE|Release|REVIEW|Review|Reason|REASON|DATE\/CASE|Date\/Case|Declassif|DECLASSIF|UNITED STATES|UNCLASSIFIED|Unclassified|Classified|CLASSIFIED|FULL|PART|B\s?\d|B\(|\(b\)|1\.4)/y;
const STAMP_ANYWHERE = /Case No|eclassified\/|ystematic/;
/** The first two characters of STAMP_START's words (a `B` is followed by a blank, a digit or a parenthesis; `1.` by 4). */
const STAMP_PAIRS = pairSet(['RE', 'Re', 'DA', 'Da', 'De', 'DE', 'UN', 'Un', 'Cl', 'CL', 'FU', 'PA', '(b', '1.']);

/** Whether the line whose trimmed text is `s[p, end)` and which ends at `to` is FOIA release material (`s` may hold more than the line). */
function stampAt(s: string, p: number, end: number, to: number): boolean {
  return stampLike(s, p, end, to) && stampText(s.slice(p, end));
}

/**
 * Whether the line whose trimmed text is `s[p, end)` and which ends at `to` starts like a stamp or holds what
 * a stamp holds anywhere: a cheap test before the patterns, on the text in place (`s` may hold more than the line).
 */
function stampLike(s: string, p: number, end: number, to: number): boolean {
  s = asString(s);
  // Most lines start otherwise than STAMP_START's words and skip the regex.
  const c = codeAt(s, p);
  const c1 = codeAt(s, p + 1);
  if (c === 66 ? !isLetter(c1) : c < 128 && c1 < 128 && STAMP_PAIRS[c * 128 + c1] === 1 && (c !== 49 || codeAt(s, p + 2) === 52)) {
    STAMP_START.lastIndex = p;
    // A match that runs past the line (`B` at its end, a digit on the next) is none.
    if (STAMP_START.test(s) && STAMP_START.lastIndex <= to) return true;
  }
  return end - p > 20 && STAMP_ANYWHERE.test(p === 0 && to === s.length ? s : s.slice(p, end));
}

/** Whether a trimmed line that looks like a stamp is one. */
function stampText(t: string): boolean {
  return STAMP_TEXT[0].test(t) || STAMP_TEXT[1].test(t);
}

/** Whether a trimmed line is FOIA release material. */
export function isStamp(t: string): boolean {
  return stampAt(t, 0, t.length, t.length);
}

// ---- Email headers ------------------------------------------------------------------

/** A From: line or an "Original Message" rule (leading blanks first: `\s*` then a second `\s*` would backtrack quadratically). */
const MAY_OPEN_EMAIL = /^[ \t]*(?:From|-+[ \t]*Original|Original)/;
const EMAIL_LABEL = /^(From|Sent|To|Cc|Bcc|Subject|Attachments|Importance|Date)\s*:?(\s|$)/;
const EMAIL_FROM = /^From\s*:?(\s|$)/;
const EMAIL_SENT = /^(Sent|Date)\s*:(\s|$)/;

/**
 * Marks the lines of email headers (From:/Sent:/To:/Cc:/Subject:) around a
 * forwarded cable. An email header is a From: line followed within a few
 * lines by Sent: or Date:; it runs to its Subject: line (and that line's
 * wrapped continuation) and any Attachments: line after it. A messaging-system
 * cable's own From: has no Sent: after it, so it is left alone.
 */
export function findEmailHeaders(text: Source, starts: Int32Array, ends: Int32Array): Uint8Array {
  const headers = new EmailHeaders(text, starts, ends);
  // Reading goes on after a header (at the line headerAt returns), as in a parse.
  for (let i = 0; i < starts.length; i++) if (mayOpenEmail(text, starts[i], ends[i])) i = headers.headerAt(i) - 1;
  return headers.marks;
}

/** Whether the line `text[start, end)` may open an email header: only a From: line or an "Original Message" rule does (most lines are not sliced). */
function mayOpenEmail(text: Source, start: number, end: number): boolean {
  let p = start;
  while (p < end && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
  const c = text.charCodeAt(p);
  return c === 70 ? text.startsWith('From', p) : c === 79 ? text.startsWith('Original', p) : c === 45 && MAY_OPEN_EMAIL.test(text.slice(start, end));
}

/**
 * The email headers of a text (see {@link findEmailHeaders}), marked as its
 * lines are read in order. A parse asks about each line as it lexes it,
 * giving the line's first character, which the lexer reads anyway: only the
 * few lines that start like a header's first line are read again, and the
 * text is not read in a pass of its own.
 */
export class EmailHeaders {
  /** One per line: 1 for the lines of a header, once the reading has passed them. */
  readonly marks: Uint8Array;
  /** The first line the reading has not passed. */
  private next = 0;

  /** `marks`, when given, are the text's marks, already known (then every line has been read). */
  constructor(
    private readonly text: Source,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    marks?: Uint8Array,
  ) {
    this.marks = marks ?? new Uint8Array(starts.length);
    if (marks) this.next = starts.length;
  }

  /**
   * Whether line `i` belongs to a header, `first` being the code of its first
   * character that is not blank (as the lexer skips blanks; anything for a
   * blank line). Every line is asked about, in order.
   */
  isHeader(i: number, first: number): boolean {
    // Only a line starting with From, Original or dashes can open a header: the others are passed unread.
    if (i >= this.next) this.next = (first === 70 || first === 79 || first === 45) && mayOpenEmail(this.text, this.starts[i], this.ends[i]) ? this.headerAt(i) : i + 1;
    return this.marks[i] === 1;
  }

  /** Marks the header that line `i` opens, if it opens one ({@link mayOpenEmail} said it may); returns the next line to read. */
  headerAt(i: number): number {
    const { text, starts, ends, marks: mark } = this;
    const lineCount = starts.length;
    const lineTexts = (k: number) => text.slice(starts[k], ends[k]);
    const t = lineTexts(i).trim();
    if (/^-*\s*Original Message\s*-*$/i.test(t)) {
      mark[i] = 1;
      return i + 1;
    }
    if (!EMAIL_FROM.test(t)) return i + 1;
    // Sent: can come after a long To:/Cc: list; a blank line or a cable field ends the search.
    let sent = false;
    for (let j = i + 1; j < lineCount && j <= i + 24; j++) {
      const u = lineTexts(j).trim();
      if (u === '') {
        if (j > i + 1) break;
        continue;
      }
      if (EMAIL_SENT.test(u)) {
        sent = true;
        break;
      }
      if (/^(MRN|Action|E\.O\.|TAGS|Date\/D[TI1]G)\s*:/.test(u)) break;
    }
    if (!sent) return i + 1;
    let j = i;
    let subjectSeen = false;
    for (; j < lineCount && j < i + 40; j++) {
      const raw = lineTexts(j);
      const u = raw.trim();
      if (subjectSeen) {
        // After Subject: its indented continuation and an Attachments: line belong to the header.
        if (u !== '' && /^\s{8,}/.test(raw) && !EMAIL_LABEL.test(u)) {
          mark[j] = 1;
          continue;
        }
        if (/^Attachments\s*:?(\s|$)/.test(u)) {
          mark[j] = 1;
          continue;
        }
        break;
      }
      if (j > i && (u === '' || isStamp(u))) {
        // A page break inside a header (blank lines, release stamps): keep going if a label or a list continuation follows.
        let k = j + 1;
        while (k < lineCount && (lineTexts(k).trim() === '' || isStamp(lineTexts(k).trim()))) k++;
        const next = k < lineCount ? lineTexts(k).trim() : '';
        if (next !== '' && !EMAIL_FROM.test(next) && (EMAIL_LABEL.test(next) || next.includes(';'))) {
          j = k - 1;
          continue;
        }
        break;
      }
      mark[j] = 1;
      if (/^Subject\s*:?(\s|$)/.test(u)) subjectSeen = true;
    }
    return j;
  }
}

// ---- Recognisers --------------------------------------------------------------------

const PAGE = /PAGE[ \t]+(\d{1,3})(?![\d])(?:[ \t]+([A-Z][A-Z]{1,5})(?![A-Z]))?(?:[ \t]+(\d{4,6})(?![\d]))?(?:[ \t]+(\d{6}Z))?/y;
const PAGE_FRAGMENT = /^([A-Z]{2,6})[ \t]+(\d{4,6})(?:[ \t]+(\d{6}Z))?$/;
const ROUTING = /(?:-{3,}[ \t]*[0-9A-Z]*(?:[ \t]+\d{6}Z)?(?:[ \t]+\/\d{1,3})?|[0-9A-F]{6}[ \t]+\d{6}Z[ \t]+\/\d{1,3})/y;
const DIST_CODE = '[A-Z0-9][A-Z0-9/]{0,7}-\\d{2}';
const DIST_OPENER = new RegExp(`(ACTION|ORIGIN|INFO)[ \\t]+${DIST_CODE}(?![A-Z0-9])`, 'y');
const DIST_LINE = new RegExp(`^(?:(?:${DIST_CODE}|INFO|ACTION|ORIGIN)[ \\t]+)*(?:${DIST_CODE}|INFO)(?:[ \\t]+\\/\\d{2,4}[ \\t]?[A-Z]?)?$|^\\/\\d{2,4}[ \\t]?[A-Z]?$`);
/** How a line of distribution codes starts: a code with its count, INFO, or a /NNN total. */
const DIST_START = new RegExp(`(?:${DIST_CODE}(?![A-Z0-9])|INFO\\b|\\/\\d)`, 'y');
const DRAFTING = /(DRAFTED|APPROVED|CLEARED|RELEASED)[ \t]+BY\b/y;
/** A draft form's address line, precedence first (`ROUTINE ALDAC, DAMASCUS`). */
const PRECEDENCE_FIRST = /(?:NIACT[ \t]+)?(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE)[ \t]+(?=[A-Z]{3,}[A-Z ]*(?:,[ \t]*[A-Z][A-Z ]*)*$)/y;
const ADDRESS = /(FM|TO|INFO|XMT)(?=[ \t]+\S)/y;
const EO = /E[ \t]?[.,][ \t]?[O0D](?:[ \t]?[.,])?(?=[ \t]*[:;]|[ \t]*[0-9Il]{5}|[ \t]+\d|[ \t]+(?:DECL|N\/?A\b|GDS|ADS|XGDS|OADR))|EO(?=[ \t]+\d{5})/y;
const TAGS = /TAGS[ \t]*[:;]?(?=[ \t]|$)/y;
const SUBJECT = /(SUBJECT|SUBJ)[ \t]*[:;.]?(?=[ \t]|$)|Subject[ \t]*:/y;
const REF = /(REFS?|REFTELS?|REFERENCES?)(?:[ \t]*[:;])?(?=[ \t]|$)/y;
const REFERENCE_FIELD = /Reference[ \t]*:/y;
const CLASSIFIED_BY = /CLASSIFIED[ \t]+BY\b[ \t]*:?|Classified[ \t]+By[ \t]*:/y;
const SECTION = /SECTION[ \t]+(\d{1,3})[ \t]+OF[ \t]+(\d{1,3})(?![\d])/y;
/** `Date/DTG`, and what OCR makes of its slash (`Date!DTG`, `DatelDTG`) and of its T (`Date/DIG`). */
export const DATE_LABEL = /^Date[\/!lI1|]D[TI1]G$|^DTG$/;
/** The labels of a messaging-system form, as regex sources: each starts with two plain characters (see LABEL_STARTS). */
const MESSAGING_LABELS = [
  'MRN', 'Date[\\/!lI1|]D[TI1]G', 'DTG', 'From', 'Action', 'Info', 'XMT', 'Captions', 'Pass Line', 'Signature', 'Drafted By',
  'Cleared By', 'Approved By', 'Released By', 'Attachments', 'Action Post', 'Dissemination Rule', 'Action Office', 'Info Office',
  'Reason', 'Declassify On',
];
const MESSAGING_LABEL = new RegExp(`(${MESSAGING_LABELS.join('|')})[ \\t]*:`, 'y');
/** The first two characters of the messaging labels: a line starting otherwise is no label, whatever colon it holds. */
const LABEL_STARTS = pairSet(MESSAGING_LABELS.map((label) => label.slice(0, 2)));
const PARAGRAPH = /(\d{1,3})[ \t]?\.(?=[ \t]|\(|$)/y;
/** A portion mark, or what OCR left of one (`(513U)`): the builder decides whether it names a level. */
const PORTION = /\(([A-Z0-9]{1,5}(?:[ \t]?\/{1,2}[ \t]?[A-Z]{1,8})*)\)/y;
const SUB_LETTER = /(?:([A-Z])\.|\(([A-Z])\)|([A-Z])\))(?=[ \t]+\S)/y;
const SUB_NUMBER = /\((\d{1,2})\)(?=[ \t]+\S)/y;
const END_MARK = /(N{3,4}(?:[A-Z]*)?|<< ?END OF DOCUMENT ?>>)(?=[ \t]*$)/y;
const CAPTION_WORDS = /^(NODIS|EXDIS|LIMDIS|STADIS|NOFORN|SIPDIS|ROGER|CHEROKEE|CHEROKEE NODIS|EYES ONLY|DISSENT CHANNEL|USSALTTWO|SECTO|TOSEC|NOFORN SIPDIS|SENSITIVE|DEPT FOR .*|PASS TO .*)$/;
const POST_SERIAL = /[ \t]*([A-Z][A-Z.'-]*(?:[ \t][A-Z][A-Z.'-]*){0,3})[ \t]+(\d{2,6})(?![\d])/y;

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** Whether `c` can start a paragraph's text: a capital, a quote, an opening bracket or a dash (`[A-Z"'(\[-]`). */
function startsSentence(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 34 || c === 39 || c === 40 || c === 91 || c === 45;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

/** The first non-blank position from `p` on, or `to`. */
function skipWs(s: string, p: number, to: number): number {
  while (p < to && isWs(codeAt(s, p))) p++;
  return p;
}

/** Whether the character with code `ch` is in `s` at `from..to` (inclusive): a search that stops there, not at the line's end. */
function charWithin(s: string, ch: number, from: number, to: number): boolean {
  s = asString(s);
  const stop = Math.min(to, s.length - 1);
  for (let i = from; i <= stop; i++) if (codeAt(s, i) === ch) return true;
  return false;
}

/** Whether a distribution code's dash can follow at `from` (before `to`): up to eight of `[A-Z0-9/]`, then `-` (DIST_CODE's shape). */
function codeDashAt(s: string, from: number, to: number): boolean {
  const stop = Math.min(from + 8, to);
  for (let i = from; i < stop; i++) {
    const c = codeAt(s, i);
    if (c === 45) return true;
    if (!((c >= 65 && c <= 90) || (c >= 47 && c <= 57))) return false;
  }
  return false;
}

/** Finds where the next FM/TO/INFO/XMT keyword starts inside an address list, outside `//` office suffixes. */
function nextAddressKeyword(s: string, from: number): { at: number; which: AddressKind } | undefined {
  const re = /(^|[ \t])(FM|TO|INFO|XMT)[ \t]+(?=[A-Z])/g;
  re.lastIndex = from;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const at = m.index + m[1].length;
    // "DEPT PASS TO" and office suffixes are not list keywords.
    const before = s.slice(Math.max(0, at - 6), at);
    if (/PASS[ \t]+$/.test(before) || /\/\/[^ ]*$/.test(s.slice(from, at))) continue;
    return { at, which: m[2].toLowerCase() === 'fm' ? 'from' : (m[2].toLowerCase() as AddressKind) };
  }
  return undefined;
}

/** Whether the text from `p` ends in a classification level glued on by OCR (`... OADR CONFIDENTIAL`). */
function trailingMarking(s: string, from: number, end: number): number {
  // The level's last letter (or a blank) must end the text: most lines end otherwise and skip the regex.
  const last = codeAt(s, end - 1);
  if (last !== 84 && last !== 76 && last !== 69 && last !== 68 && last !== 32 && last !== 9) return end;
  const m = /[ \t]+((?:TOP[ \t]+)?SECRET|CONFIDENTIAL|LIMITED OFFICIAL USE|UNCLASSIFIED)[ \t]*$/.exec(s.slice(from, end));
  return m ? from + m.index : end;
}

/** Where the text of the line `s[from, to)` starts: its first character that is not blank, or `to`. */
export function lineTextStart(s: string, from: number, to: number): number {
  return skipWs(s, from, to);
}

/**
 * Lexes the line `s[from, to)`, whose first character is at offset `base` of
 * the whole text and whose text starts at `p` (as {@link lineTextStart} finds
 * it); `email` says the line belongs to an email header. `s` may be the line
 * itself or a text holding it (a parse of a string reads its lines in place).
 * Blank lines, email-header lines and plain prose, most of a file, are read
 * where they are; only the other lines are sliced out for the recognisers.
 * Nothing outside the line is read.
 */
export function lexLineFrom(s: string, from: number, to: number, p: number, base: number, email: boolean): LexedLine {
  s = asString(s);
  const at = base - from;
  if (p >= to) return { start: base, end: at + to, indentEnd: at + to, items: NO_ITEMS };
  const trimmedEnd = trimRight(s, p, to);
  // Item arrays are made with their first item: an empty array that is pushed to reserves room for many.
  if (email) return { start: base, end: at + to, indentEnd: at + p, items: [{ k: 'email', start: at + p, end: at + trimmedEnd }] };
  if (stampAt(s, p, trimmedEnd, to)) return { start: base, end: at + to, indentEnd: at + p, items: [{ k: 'stamp', start: at + p, end: at + trimmedEnd }] };
  // Prose is known from its first characters here, once: the recognisers see only the other lines.
  if (plainStart(s, p, trimmedEnd)) return { start: base, end: at + to, indentEnd: at + p, items: [{ k: 'text', start: at + p, end: at + trimmedEnd }] };
  return lexItems(from === 0 && to === s.length ? s : s.slice(from, to), p - from, trimmedEnd - from, base);
}

/** Lexes the items of `line` (at `base`), whose text runs from `p` to `trimmedEnd`. */
function lexItems(line: string, p: number, trimmedEnd: number, base: number): LexedLine {
  line = asString(line);
  const indentEnd = base + p;
  let item = lexAt(line, p, trimmedEnd, base, undefined);
  const items: Item[] = [item];
  // At most 32 items: the lexer's loop is bounded whatever the line holds.
  for (let n = 1; n < 32; n++) {
    if (lexRest <= p) break;
    p = skipWs(line, lexRest, trimmedEnd);
    if (p >= trimmedEnd) break;
    item = lexAt(line, p, trimmedEnd, base, item);
    items.push(item);
  }
  return { start: base, end: base + line.length, indentEnd, items };
}

/** Where the next item of the line may start, set by {@link lexAt} (a variable, not a result object: lexing allocates enough). */
let lexRest = 0;

/** Returns `item`, the next item of the line starting at `rest`. */
function until(item: Item, rest: number): Item {
  lexRest = rest;
  return item;
}

/**
 * The pairs of characters a line's first item other than text can start with (besides those starting with a
 * digit, a blank or one of `-/(<`), each listed for the recognisers of {@link lexAt} that want it.
 */
const ITEM_STARTS = pairSet([
  'PA', // PAGE (and PASS TO captions, PART stamps)
  'AC', 'OR', 'IN', // distribution (ACTION, ORIGIN, INFO), INFO addresses
  'DR', 'AP', 'CL', 'RE', // DRAFTED BY, APPROVED BY, CLEARED BY, RELEASED BY
  'FL', 'IM', 'PR', 'RO', 'NI', // precedence-first addresses
  'FM', 'XM', 'TO', // addresses
  'EO', // E.O. without its dots
  'TA', // TAGS
  'SU', 'Su', // SUBJECT, Subject:
  'Re', // REF and Reference:
  'Cl', // CLASSIFIED BY, Classified By:
  'SE', 'SB', // SECTION, SBU
  'MR', 'DT', // messaging labels in capitals (with XMT)
  'CO', 'UN', 'LI', // classification markings (with TOP, SECRET, SENSITIVE)
  'NN', // NNNN
  'DE', // DEPT FOR captions
]);

/** A table of pairs of ASCII characters, indexed by `first * 128 + second`. */
function pairSet(pairs: string[]): Uint8Array {
  const set = new Uint8Array(128 * 128);
  for (const pair of pairs) set[pair.charCodeAt(0) * 128 + pair.charCodeAt(1)] = 1;
  return set;
}

/** The pairs of capitals the caption words start with (NODIS, EXDIS, STADIS, SIPDIS, CHEROKEE, EYES ONLY, DISSENT CHANNEL, USSALTTWO; the others are items' starts). */
const CAPTION_STARTS = pairSet(['NO', 'EX', 'ST', 'SI', 'CH', 'EY', 'DI', 'US']);

/**
 * Whether the first item of a line whose trimmed text is `s[p, end)` can only
 * be text running to its end, from its first and last characters alone:
 * lower-case prose, or capitals that start no recogniser's word nor a short
 * whole-line kind (a caption, a page fragment ending in a digit or a Z).
 * Most prose is known here without a regex. Reads only `s[p, end)`.
 * {@link lexLineFrom} takes this exit before any recogniser of
 * {@link lexAt} is tried, so a recogniser with a new start must be let
 * through here.
 */
function plainStart(s: string, p: number, end: number): boolean {
  const c = codeAt(s, p);
  const size = end - p;
  // Page numbers and BT are three characters at most.
  if (size <= 3) return false;
  if (c >= 97 && c <= 122) return true;
  // Digits and `-/(<` start routing lines, distribution totals, paragraphs, subparagraphs, end marks.
  if (c < 65 || c > 90) return !(c >= 48 && c <= 57) && c !== 45 && c !== 47 && c !== 40 && c !== 60;
  const c1 = codeAt(s, p + 1);
  const lower = c1 >= 97 && c1 <= 122;
  if (!lower && !(c1 >= 65 && c1 <= 90)) return false;
  if (ITEM_STARTS[c * 128 + c1] === 1) return false;
  if (size <= 15 && CAPTION_STARTS[c * 128 + c1] === 1) return false;
  if (size <= 22 && isDigitOrZ(codeAt(s, end - 1))) return false;
  // A routing line's six hexadecimal digits, a distribution code's dash, a messaging label's colon.
  if (c <= 70 && (p + 6 >= end || codeAt(s, p + 6) === 32 || codeAt(s, p + 6) === 9)) return false;
  if (!lower && codeDashAt(s, p + 1, end)) return false;
  return !(lower && LABEL_STARTS[c * 128 + c1] === 1 && charWithin(s, 58, p + 1, Math.min(p + 20, end - 1)));
}

function isDigitOrZ(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 90;
}

/**
 * Lexes the item starting at `p`, and sets {@link lexRest} to where the next item may start (or the line end).
 * A line's first item is lexed here only when {@link plainStart} has not found it to be prose.
 */
function lexAt(line: string, p: number, end: number, base: number, prev: Item | undefined): Item {
  line = asString(line);
  const first = prev === undefined;
  let m: RegExpExecArray | null;
  // Every recogniser below starts with a known character, most with a known second one: test them first, so
  // prose lines skip most regexes.
  const c = charAt(line, p);
  const c1 = charAt(line, p + 1);
  const code = codeAt(line, p);
  const upper = code >= 65 && code <= 90;
  const digit = code >= 48 && code <= 57;

  if (c === 'P' && c1 === 'A' && (m = sticky(PAGE, line, p))) {
    const item: Item = { k: 'pageHeader', start: base + p, end: base + p + m[0].length, page: Number(m[1]), pageStart: base + p + m[0].indexOf(m[1], 4), pageEnd: 0, time: m[4] };
    item.pageEnd = item.pageStart + m[1].length;
    if (m[2]) {
      const at = line.indexOf(m[2], item.pageEnd - base);
      item.post = { text: m[2], start: base + at, end: base + at + m[2].length };
    }
    if (m[3]) {
      const at = line.indexOf(m[3], (item.post ? item.post.end : item.pageEnd) - base);
      item.serial = { text: m[3], start: base + at, end: base + at + m[3].length };
    }
    return until(item, p + m[0].length);
  }
  // A routing line starts with dashes or six hexadecimal digits.
  if ((c === '-' || ((digit || (code >= 65 && code <= 70)) && (charAt(line, p + 6) === ' ' || charAt(line, p + 6) === '\t'))) && (m = sticky(ROUTING, line, p)) && m[0].length >= 3) {
    return until({ k: 'routing', start: base + p, end: base + p + m[0].length }, p + m[0].length);
  }
  if (upper && (c1 === ' ' || c1 === '\t')) {
    const dtg = readDtg(line, p, base, true);
    if (dtg) {
      const stop = dtg.end - base;
      return until({ k: 'dtg', start: base + p, end: dtg.end, dtg }, stop);
    }
  }
  if (((c === 'A' && c1 === 'C') || (c === 'O' && c1 === 'R') || (c === 'I' && c1 === 'N')) && (m = sticky(DIST_OPENER, line, p))) {
    return until({ k: 'distribution', start: base + p, end: base + end, opener: m[1] !== 'INFO' }, end);
  }
  // A distribution code has its dash within its first nine characters.
  if (first && (upper || digit || c === '/') && (c === '/' || (c === 'I' && c1 === 'N') || codeDashAt(line, p + 1, line.length)) && sticky(DIST_START, line, p) && DIST_LINE.test(line.slice(p, end))) {
    return until({ k: 'distribution', start: base + p, end: base + end, opener: false }, end);
  }
  if (((c === 'D' && c1 === 'R') || (c === 'A' && c1 === 'P') || (c === 'C' && c1 === 'L') || (c === 'R' && c1 === 'E')) && (m = sticky(DRAFTING, line, p))) {
    return until({ k: 'drafting', start: base + p, end: base + end }, end);
  }
  if (first && ((c === 'F' && c1 === 'L') || (c === 'I' && c1 === 'M') || (c === 'P' && c1 === 'R') || (c === 'R' && c1 === 'O') || (c === 'N' && c1 === 'I')) && (m = sticky(PRECEDENCE_FIRST, line, p))) {
    return until({ k: 'address', start: base + p, end: base + end, which: 'to', labelEnd: base + p + m[0].trimEnd().length, labelled: false, precedenceFirst: true }, end);
  }
  if ((((c === 'F' || c === 'X') && c1 === 'M') || (c === 'T' && c1 === 'O') || (c === 'I' && c1 === 'N')) && (m = sticky(ADDRESS, line, p))) {
    const which: AddressKind = m[1] === 'FM' ? 'from' : (m[1].toLowerCase() as AddressKind);
    const labelEnd = p + m[1].length;
    const kw = nextAddressKeyword(line, labelEnd);
    const stop = kw ? kw.at : end;
    return until({ k: 'address', start: base + p, end: base + trimRight(line, p, stop), which, labelEnd: base + labelEnd, labelled: false }, stop);
  }
  if (c === 'E' && (c1 === '.' || c1 === ',' || c1 === ' ' || c1 === '\t' || c1 === 'O') && (m = sticky(EO, line, p))) {
    const labelEnd = p + m[0].length;
    const stop = trailingMarking(line, labelEnd, end);
    return until({ k: 'eo', start: base + p, end: base + stop, labelEnd: base + labelEnd, label: m[0] }, stop);
  }
  if (c === 'T' && c1 === 'A' && (m = sticky(TAGS, line, p))) {
    const labelEnd = p + m[0].length;
    const subj = /[ \t](SUBJECT|SUBJ)[ \t]*[:;]/.exec(line.slice(labelEnd, end));
    const stop = subj ? labelEnd + subj.index + 1 : trailingMarking(line, labelEnd, end);
    return until({ k: 'tags', start: base + p, end: base + trimRight(line, p, stop), labelEnd: base + labelEnd }, stop);
  }
  if (c === 'S' && (c1 === 'U' || c1 === 'u') && (m = sticky(SUBJECT, line, p))) {
    return until({ k: 'subject', start: base + p, end: base + end, labelEnd: base + p + m[0].length }, end);
  }
  if (c === 'R' && (c1 === 'E' || c1 === 'e') && ((m = sticky(REFERENCE_FIELD, line, p)) || (m = sticky(REF, line, p)))) {
    return until({ k: 'ref', start: base + p, end: base + end, labelEnd: base + p + m[0].length, labelled: /[:;]$/.test(m[0]) }, end);
  }
  if (c === 'C' && (c1 === 'L' || c1 === 'l') && (m = sticky(CLASSIFIED_BY, line, p))) {
    return until({ k: 'classifiedBy', start: base + p, end: base + end, labelEnd: base + p + m[0].length }, end);
  }
  if (c === 'S' && c1 === 'E' && (m = sticky(SECTION, line, p))) {
    // `SECTION 01 OF 02 BAGHDAD 001234`: a draft's second line carries the post and serial after the section.
    const item: Extract<Item, { k: 'section' }> = { k: 'section', start: base + p, end: base + p + m[0].length, wordsEnd: base + p + m[0].length, part: Number(m[1]), of: Number(m[2]) };
    const ps = sticky(POST_SERIAL, line, p + m[0].length);
    if (ps && p + m[0].length + ps[0].length >= end) {
      const postAt = line.indexOf(ps[1], p + m[0].length);
      const serialAt = line.indexOf(ps[2], postAt + ps[1].length);
      item.post = { text: ps[1], start: base + postAt, end: base + postAt + ps[1].length };
      item.serial = { text: ps[2], start: base + serialAt, end: base + serialAt + ps[2].length };
      item.end = base + end;
      return until(item, end);
    }
    return until(item, p + m[0].length);
  }
  // A messaging-system label is mixed case but for MRN, DTG and XMT, and ends in a colon within 20 characters:
  // all-capitals prose skips the search for the colon.
  if (upper && (isLowerCase(codeAt(line, p + 1)) || (c === 'M' && c1 === 'R') || (c === 'D' && c1 === 'T') || (c === 'X' && c1 === 'M')) && charWithin(line, 58, p + 1, p + 20) && (m = sticky(MESSAGING_LABEL, line, p))) {
    const label = m[1];
    const labelEnd = base + p + m[0].length;
    if (label === 'From' || label === 'Action' || label === 'Info' || label === 'XMT') {
      const which: AddressKind = label === 'From' ? 'from' : label === 'Action' ? 'to' : label === 'Info' ? 'info' : 'xmt';
      return until({ k: 'address', start: base + p, end: base + end, which, labelEnd, labelled: true }, end);
    }
    return until({ k: 'field', start: base + p, end: base + end, label, labelEnd }, end);
  }
  if (c === 'S' && c1 === 'B' && charAt(line, p + 2) === 'U' && /^SBU(\s*$|\s{2,})/.test(line.slice(p, end))) {
    const mm = readMarking('UNCLASSIFIED//SBU');
    if (mm) return until({ k: 'marking', start: base + p, end: base + p + 3, m: mm, sbuOnly: true }, end);
  }
  const mark = readMarking(line, p);
  if (mark) return lexMarking(line, p, end, base, mark);
  if (digit && (m = sticky(PARAGRAPH, line, p))) {
    const numberEnd = p + m[1].length;
    let q = skipWs(line, p + m[0].length, line.length);
    let portion: { text: string; start: number; end: number } | undefined;
    // OCR leaves a stray quote before a mark (`2. '(SBU)`).
    const quote = charAt(line, q);
    if ((quote === "'" || quote === '`' || quote === '\u2018') && charAt(line, q + 1) === '(') q++;
    const pm = sticky(PORTION, line, q);
    if (pm) {
      portion = { text: pm[1], start: base + q, end: base + q + pm[0].length };
      q = skipWs(line, q + pm[0].length, line.length);
    }
    // A number followed by lower-case prose ("3. million") is not a paragraph, unless portion-marked.
    if (portion || q >= end || startsSentence(codeAt(line, q))) {
      return until({ k: 'paragraph', start: base + p, end: base + end, number: Number(m[1]), numberEnd: base + numberEnd, portion, textStart: base + q }, end);
    }
  }
  if (((upper && (c1 === '.' || c1 === ')')) || (c === '(' && charAt(line, p + 2) === ')') || (c === '(' && charAt(line, p + 3) === ')')) && ((m = sticky(SUB_LETTER, line, p)) || (m = sticky(SUB_NUMBER, line, p)))) {
    const label = m[0].startsWith('(') || m[0].endsWith(')') ? m[0] : m[0].slice(0, -1);
    const labelEnd = p + m[0].length;
    const q = skipWs(line, labelEnd, line.length);
    const pm = sticky(PORTION, line, q);
    const portion = pm ? { text: pm[1], start: base + q, end: base + q + pm[0].length } : undefined;
    const style = /\d/.test(label) ? 'number' : 'letter';
    return until({ k: 'subparagraph', start: base + p, end: base + end, label, labelEnd: base + labelEnd, style, portion }, end);
  }
  if (first && (c === 'N' || c === '<') && (m = sticky(END_MARK, line, p))) return until({ k: 'end', start: base + p, end: base + end }, end);
  // What is left are whole-line kinds, all of them short (but a caption's DEPT FOR and PASS TO lines) and made
  // of capitals: longer prose is text at once, and so is anything after another item but a page number after a banner.
  const size = end - p;
  if ((size > 22 && c !== 'D' && c !== 'P') || (!upper && !digit && size > 3) || (!first && !(digit && size <= 3 && prev.k === 'marking'))) {
    return until({ k: 'text', start: base + p, end: base + end }, end);
  }
  const rest = line.slice(p, end);
  if (first && rest === 'BT') return until({ k: 'bt', start: base + p, end: base + end }, end);
  // Caption words are short, but for the DEPT FOR and PASS TO lines.
  if (first && upper && (size <= 15 || c === 'D' || c === 'P') && CAPTION_WORDS.test(rest)) return until({ k: 'caption', start: base + p, end: base + end }, end);
  if (first && size <= 3 && /^[^A-Za-z0-9]{1,3}$/.test(rest)) return until({ k: 'pageNumber', start: base + p, end: base + end }, end);
  if (digit && size <= 3 && /^\d{1,3}$/.test(rest)) return until({ k: 'pageNumber', start: base + p, end: base + end }, end);
  const last = codeAt(line, end - 1);
  // A page fragment ends in its serial or its time.
  if (first && upper && size <= 22 && ((last >= 48 && last <= 57) || last === 90) && (m = PAGE_FRAGMENT.exec(rest)) && (m[3] || /^(STATE|[A-Z]{6})$/.test(m[1]))) {
    const post = { text: m[1], start: base + p, end: base + p + m[1].length };
    const at = line.indexOf(m[2], p + m[1].length);
    return until({ k: 'pageFragment', start: base + p, end: base + end, post, serial: { text: m[2], start: base + at, end: base + at + m[2].length }, time: m[3] }, end);
  }
  return until({ k: 'text', start: base + p, end: base + end }, end);
}

function trimRight(s: string, from: number, to: number): number {
  while (to > from && isWs(codeAt(s, to - 1))) to--;
  return to;
}

/** A classification word at `p`: a line of its own, a statement, or a text header with post and serial. */
function lexMarking(line: string, p: number, end: number, base: number, mark: MarkingMatch): Item {
  line = asString(line);
  let q = p + mark.length;
  // A banner alone on its line, the most common case: nothing follows it (and a glued one is followed by a word).
  if (q >= end) return until({ k: 'marking', start: base + p, end: base + q, m: mark, sbuOnly: false }, q);
  const after = line.slice(q, end);
  if (/^[ \t]*-[ \t]*ENTIRE[ \t]+TEXT\b/.test(after)) {
    return until({ k: 'statement', start: base + p, end: base + end, m: mark }, end);
  }
  let section: { part: number; of: number; start: number; end: number } | undefined;
  let s = skipWs(line, q, line.length);
  const sec = sticky(SECTION, line, s);
  if (sec) {
    section = { part: Number(sec[1]), of: Number(sec[2]), start: base + s, end: base + s + sec[0].length };
    q = s + sec[0].length;
  }
  s = q;
  const ps = sticky(POST_SERIAL, line, s);
  if (ps && !/^(PAGE|SECTION)$/.test(ps[1])) {
    const postAt = line.indexOf(ps[1], s);
    const serialAt = line.indexOf(ps[2], postAt + ps[1].length);
    let stop = s + ps[0].length;
    // Handling words after the serial belong to the header line.
    const tail = /^(?:[ \t]+(?:NODIS|EXDIS|LIMDIS|STADIS|NOFORN|SIPDIS|CHEROKEE|ROGER))*/.exec(line.slice(stop, end));
    if (tail) stop += tail[0].length;
    return until(
      {
        k: 'textHeader', start: base + p, end: base + stop, m: mark, section,
        post: { text: ps[1], start: base + postAt, end: base + postAt + ps[1].length },
        serial: { text: ps[2], start: base + serialAt, end: base + serialAt + ps[2].length },
      },
      stop,
    );
  }
  if (mark.glued) return until({ k: 'text', start: base + p, end: base + end }, end);
  if (section) {
    return until({ k: 'textHeader', start: base + p, end: section.end, m: mark, section }, section.end - base);
  }
  // A banner may carry a page number after it (`UNCLASSIFIED      2`); anything else makes it prose.
  const tail = line.slice(q, end);
  if (/^[ \t]*$/.test(tail) || /^[ \t]{2,}\d{1,3}$/.test(tail)) {
    return until({ k: 'marking', start: base + p, end: base + q, m: mark, sbuOnly: false }, q);
  }
  // Something far to the right is another column (a form's initials box, a page header): the marking stands alone.
  if (/^[ \t]+(PAGE[ \t]+\d|SECTION[ \t]+\d)/.test(tail) || /^[ \t]{8,}\S/.test(tail)) {
    return until({ k: 'marking', start: base + p, end: base + q, m: mark, sbuOnly: false }, q);
  }
  return until({ k: 'text', start: base + p, end: base + end }, end);
}
