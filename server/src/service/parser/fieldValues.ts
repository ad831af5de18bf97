/**
 * Parsers for the values of header fields: address lists, TAGS entries,
 * references, the E.O. line, the MRN and the readable messaging date. Each
 * takes a {@link ValueText} and returns model pieces with document spans.
 */
import type { Addressee, EoLine, Mrn, PortionMark, Ref, Span, TagEntry } from '../model';
import { endBeforeSpaces, isDigits, isLowerCase, isSpace, startAfterSpaces } from '../text/chars';
import { DATE_LABEL } from './lexer';
import { portionLevel } from './levels';
import { collapseSpaces, isPlain, type ValueText } from './valueText';

/** Precedence words as State address lines spell them. */
export const PRECEDENCE_WORDS = new Set(['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE', 'NIACT']);
/** The same words as a list, for loops (an array is cheaper to walk than a set). */
const PRECEDENCE_LIST = [...PRECEDENCE_WORDS];

/** Words that begin an address designation, so a new addressee starts at them in unpunctuated lists. */
const DESIGNATION_HEADS = new Set([
  'AMEMBASSY', 'AMCONSUL', 'AMCONGEN', 'USMISSION', 'SECSTATE', 'USINT', 'USLO', 'AIT', 'USOFFICE', 'USDEL', 'USEU',
  'SECDEF', 'JCS', 'CIA', 'NSC', 'DIA', 'USDAO', 'USIA', 'USDOC', 'TREASURY', 'WHITE', 'HQ', 'USNMR', 'USCINCEUR',
  'USCINCCENT', 'USCINCPAC', 'USCINCSO', 'CINCPAC', 'CINCEUR', 'CINCLANT', 'CINCUSNAVEUR', 'USEUCOM', 'CINCTRANS',
  'HQUSAFE', 'COMUSKOREA', 'USUN', 'USNATO', 'ALL',
]);

/** Office kinds that messaging-system lists write after the place (`LONDON, AMEMBASSY`). */
const PLACE_FIRST_KINDS = new Set(['AMEMBASSY', 'AMCONSUL', 'AMCONGEN', 'USMISSION', 'SECSTATE', 'USOFFICE', 'USINT', 'AIT', 'USDEL', 'USLO']);

/** Whether `w` is spelled close to a precedence word (one or two letters off), which makes it a misspelt precedence. */
export function nearPrecedence(w: string): boolean {
  if (w.length < 5 || w.length > 11 || isPrecedenceWord(w)) return false;
  for (let k = 0; k < PRECEDENCE_LIST.length; k++) {
    const p = PRECEDENCE_LIST[k];
    // Two edits at most, so the lengths differ by two at most, and one of the first two letters survives.
    if (p.length < 5 || Math.abs(p.length - w.length) > 2 || (w[0] !== p[0] && w[1] !== p[1])) continue;
    // Each character of `w` that `p` lacks takes an edit of its own (`AMEMBASSY` has four that `IMMEDIATE` lacks).
    if (foreignCount(w, PRECEDENCE_LETTERS[k]) > 2) continue;
    if (editDistance(w, p) <= 2) return true;
  }
  return false;
}

/** The letters of each of {@link PRECEDENCE_LIST}, as bits (A is bit 0). */
const PRECEDENCE_LETTERS = PRECEDENCE_LIST.map((p) => {
  let bits = 0;
  for (let i = 0; i < p.length; i++) bits |= 1 << (p.charCodeAt(i) - 65);
  return bits;
});

/** How many characters of `w` are not capitals among `letters` (bits, A is bit 0), counted up to three. */
function foreignCount(w: string, letters: number): number {
  let n = 0;
  for (let i = 0; i < w.length && n < 3; i++) {
    const c = w.charCodeAt(i) - 65;
    if (c < 0 || c > 25 || (letters & (1 << c)) === 0) n++;
  }
  return n;
}

/** Levenshtein distance, bounded for speed on short strings. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 3) return Math.abs(m - n);
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    const row = prev;
    prev = cur;
    cur = row;
  }
  return prev[n];
}

interface Token {
  text: string;
  from: number;
  to: number;
  /** The token is the first on its line of the value. */
  lineStart: boolean;
}

/** The words of a value (runs of non-space, as `/\S+/g` finds them). */
function tokens(v: ValueText): Token[] {
  const out: Token[] = [];
  const s = v.text;
  let lastPiece = -1;
  for (let i = 0; i < s.length; ) {
    if (isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < s.length && !isSpace(s.charCodeAt(j))) j++;
    const piece = v.pieceAt(i);
    out.push({ text: s.slice(i, j), from: i, to: j, lineStart: piece !== lastPiece });
    lastPiece = piece;
    i = j;
  }
  return out;
}

/** The precedence an office suffix carries at the end of a word (`WASHDC//J4//IMMEDIATE`), as `/\/\/(FLASH|...)$/` reads it. */
function fusedPrecedence(word: string): string | undefined {
  // The last `//` is the one just before the word, which holds no slash.
  const p = precedenceEndingAt(word, 2, word.length);
  const at = p ? word.length - p.length : 0;
  return p && word.charCodeAt(at - 1) === 47 && word.charCodeAt(at - 2) === 47 ? p : undefined;
}

/** `w` without the periods, commas and semicolons that end it. */
function withoutTrailingPunctuation(w: string): string {
  let end = w.length;
  for (let c = w.charCodeAt(end - 1); c === 46 || c === 44 || c === 59; c = w.charCodeAt(end - 1)) end--;
  return end === w.length ? w : w.slice(0, end);
}

/** Designation `s`, part of value `v`, in upper case and its whitespace collapsed (what `v` is known not to hold is not looked for in `s`). */
function normalDesignation(s: string, v: ValueText): string {
  return normalUpper(v.upperAscii || caseOf(s) === 0 ? s : s.toUpperCase(), v.plain);
}

/** {@link normalDesignation} of a designation already in upper case. */
function normalUpper(upper: string, plain: boolean): string {
  const spaced = !plain && !isPlain(upper) ? upper.replace(/\s+/g, ' ') : upper;
  return (spaced.includes('WASH DC') ? spaced.replace(/\bWASH DC\b/, 'WASHDC') : spaced).trim();
}

/**
 * Splits a telegram address list (`SECSTATE WASHDC NIACT IMMEDIATE 6354
 * AMEMBASSY KIGALI IMMEDIATE`, or one addressee per line) into addressees.
 */
export function parseTelegramAddressees(v: ValueText): Addressee[] {
  const toks = tokens(v);
  // Office suffixes (`//J4`) are looked for in the words only where the value has any.
  const slashes = v.text.includes('//');
  const usesPrecedence = toks.some((t) => isPrecedenceWord(t.text) || fusedPrecedence(t.text) !== undefined);
  const out: Addressee[] = [];
  let group: Token[] = [];
  let prec: Token[] = [];
  let serial: Token | undefined;
  const close = () => {
    if (group.length === 0 && prec.length === 0) return;
    out.push(buildTelegramAddressee(v, group, prec, serial, slashes));
    group = [];
    prec = [];
    serial = undefined;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const word = withoutTrailingPunctuation(t.text);
    if (t.lineStart && group.length > 0 && (!usesPrecedence || prec.length > 0)) close();
    if (group.length > 0 && isPrecedenceWord(word)) {
      prec.push(t);
      continue;
    }
    if (group.length > 0 && !serial && isDigits(word, 3, 6)) {
      // A transmission serial ends an addressee, with or without a precedence before it (ROUTINE traffic often has none).
      const lastOnLine = !toks[i + 1] || toks[i + 1].lineStart;
      if (prec.length > 0 || (group.length > 1 && (lastOnLine || DESIGNATION_HEADS.has(slashes ? beforeOffices(toks[i + 1].text) : toks[i + 1].text)))) {
        serial = t;
        close();
        continue;
      }
    }
    // A word in the precedence slot that is not a precedence (`IMMEDAITE`): just before a serial, or spelled close to one.
    if (group.length > 1 && isCapitals(word) && (nearPrecedence(word) || (usesPrecedence && prec.length === 0 && nextIsSerial(toks, i)))) {
      prec.push(t);
      continue;
    }
    if (prec.length > 0) close();
    if (group.length > 1 && !usesPrecedence && DESIGNATION_HEADS.has(slashes ? beforeOffices(word) : word)) close();
    group.push(t);
    // Office suffixes can carry the precedence: JCS WASHDC//J4//J5//IMMEDIATE.
    const fused = fusedPrecedence(t.text);
    if (fused) {
      const at = t.to - fused.length;
      group[group.length - 1] = { ...t, to: at };
      prec.push({ text: fused, from: at, to: t.to, lineStart: false });
    }
  }
  close();
  return out;
}

/** What {@link caseOf} finds: a lower-case ASCII letter; a character beyond ASCII (with no lower-case letter). */
const LOWER = 1;
const BEYOND_ASCII = 2;

/**
 * Whether `s` holds a lower-case ASCII letter (LOWER, found first), else a character beyond ASCII
 * (BEYOND_ASCII), else neither (0): an ASCII designation without lower case needs no `toUpperCase`,
 * which is slow on a two-byte string.
 */
function caseOf(s: string): number {
  let found = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLowerCase(c)) return LOWER;
    if (c > 127) found = BEYOND_ASCII;
  }
  return found;
}

/** Whether `w` is a precedence word (one of {@link PRECEDENCE_WORDS}), its length and first letter tested before the set. */
function isPrecedenceWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return w.length >= 5 && w.length <= 9 && (c === 70 || c === 73 || c === 78 || c === 80 || c === 82) && PRECEDENCE_WORDS.has(w);
}

/** Whether `w` is one or more capital letters (`/^[A-Z]+$/`). */
function isCapitals(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** The texts of the tokens. */
function textsOf(toks: Token[]): string[] {
  const out: string[] = [];
  for (const t of toks) out.push(t.text);
  return out;
}

/** A word before its `//` office suffixes. */
function beforeOffices(w: string): string {
  const slash = w.indexOf('//');
  return slash < 0 ? w : w.slice(0, slash);
}

/** Whether the word after word `i` is a serial on the same line. */
function nextIsSerial(toks: Token[], i: number): boolean {
  const next = toks[i + 1];
  return next !== undefined && !next.lineStart && isDigits(next.text, 3, 6);
}

/** The addressee of words `group`, precedence words `prec` and `serial` (`slashes`: whether the value has office suffixes at all). */
function buildTelegramAddressee(v: ValueText, group: Token[], prec: Token[], serial: Token | undefined, slashes: boolean): Addressee {
  // The first and last of its words: the designation's, then the precedence's, then the serial.
  const from = (group.length ? group[0] : prec.length ? prec[0] : serial!).from;
  const to = (serial ?? (prec.length ? prec[prec.length - 1] : group[group.length - 1])).to;
  const dFrom = group.length ? group[0].from : from;
  const dTo = group.length ? group[group.length - 1].to : from;
  const raw = v.text.slice(dFrom, dTo);
  const slash = slashes ? raw.indexOf('//') : -1;
  const designationText = slash >= 0 ? raw.slice(0, slash) : raw;
  const offices = slash >= 0 ? raw.slice(slash) : undefined;
  return {
    start: v.spanStart(from), end: v.spanEnd(from, to),
    designation: normalDesignation(designationText, v),
    designationSpan: v.span(dFrom, dFrom + designationText.trimEnd().length),
    text: v.text.slice(from, to),
    precedence: textsOf(prec),
    precedenceSpan: prec.length ? v.span(prec[0].from, prec[prec.length - 1].to) : undefined,
    serial: serial?.text,
    offices,
    person: false,
  };
}

/** The precedence words that can end a messaging-system entry or an office suffix (NIACT only stands before IMMEDIATE). */
const ENTRY_PRECEDENCE = ['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE'];

/** The word of {@link ENTRY_PRECEDENCE} that `s` holds just before `end`, starting at `from` or after. */
function precedenceEndingAt(s: string, from: number, end: number): string | undefined {
  // Each ends in H, E or Y: most words are not compared at all.
  const last = end > from ? s.charCodeAt(end - 1) : 0;
  if (last !== 72 && last !== 69 && last !== 89) return undefined;
  for (const w of ENTRY_PRECEDENCE) if (end - w.length >= from && s.startsWith(w, end - w.length)) return w;
  return undefined;
}

/**
 * Splits a messaging-system address list (`WASHDC, SECSTATE IMMEDIATE;
 * LONDON, AMEMBASSY ROUTINE; Mellott, Joseph ROUTINE`) into addressees,
 * turning place-first designations round (`AMEMBASSY LONDON`).
 */
export function parseMessagingAddressees(v: ValueText): Addressee[] {
  const out: Addressee[] = [];
  const text = v.text;
  // Entries end at semicolons, or (OCR) at a comma right after a precedence word (`/(?:FLASH|...)\s*,/`).
  for (let from = 0; from < text.length; ) {
    let stop = text.indexOf(';', from);
    if (stop < 0) stop = text.length;
    let part = from;
    for (let comma = text.indexOf(',', from); comma >= 0 && comma < stop; comma = text.indexOf(',', comma + 1)) {
      if (precedenceWordBefore(text, part, comma)) {
        readMessagingEntry(v, part, comma, out);
        part = comma + 1;
      }
    }
    readMessagingEntry(v, part, stop, out);
    from = stop + 1;
  }
  return out;
}

/** Whether a precedence word ends just before `at` (blanks between), after `from`. */
function precedenceWordBefore(text: string, from: number, at: number): boolean {
  return precedenceEndingAt(text, from, endBeforeSpaces(text, from, at)) !== undefined;
}

/** Reads the entry `text[from, to)` of a messaging-system list, if it is not blank. */
function readMessagingEntry(v: ValueText, from: number, to: number, out: Addressee[]): void {
  const text = v.text;
  from = startAfterSpaces(text, from, to);
  to = endBeforeSpaces(text, from, to);
  if (from === to) return;
  const body = text.slice(from, to);
  // The precedence ends the entry; a word spelt close to one (IMMEDAITE) stands in its place.
  const pm = entryPrecedence(body);
  const designationRaw = pm ? body.slice(0, pm.cut) : body;
  // Mixed case is a person (`Mellott, Joseph`) or a mailbox (`SES-O_FrontOffice`): kept as printed.
  const letters = v.upperAscii ? 0 : caseOf(designationRaw);
  const mixed = letters === LOWER;
  const person = mixed && designationRaw.includes(',');
  let designation = mixed ? collapseSpaces(designationRaw, v.plain) : normalUpper(letters === 0 ? designationRaw : designationRaw.toUpperCase(), v.plain);
  const place = person ? undefined : placeFirst(designation);
  if (place && PLACE_FIRST_KINDS.has(place.kind)) designation = `${place.kind} ${place.place}`;
  out.push({
    start: v.spanStart(from), end: v.spanEnd(from, to),
    designation,
    designationSpan: v.span(from, from + designationRaw.length),
    text: body,
    // Only NIACT IMMEDIATE is more than one word.
    precedence: pm ? (pm.niact ? ['NIACT', body.slice(pm.wordAt)] : [body.slice(pm.wordsAt)]) : [],
    precedenceSpan: pm ? v.span(from + pm.wordsAt, to) : undefined,
    serial: undefined,
    offices: undefined,
    person,
  });
}

/**
 * The precedence that ends a trimmed entry, as `/\s+((?:NIACT\s+)?(?:FLASH|IMMEDIATE|PRIORITY|ROUTINE))$/`
 * finds it, else a last word of five capitals or more spelt close to one (`/\s+([A-Z]{5,})$/`): where the
 * designation ends (the blanks before the words), where the words start, and where the last one does.
 */
function entryPrecedence(body: string): { cut: number; wordsAt: number; wordAt: number; niact: boolean } | undefined {
  let wordAt = body.length;
  while (wordAt > 0 && !isSpace(body.charCodeAt(wordAt - 1))) wordAt--;
  // The words must follow a blank.
  if (wordAt === 0) return undefined;
  const cut = endBeforeSpaces(body, 0, wordAt);
  if (isEntryPrecedence(body, wordAt)) {
    // NIACT before it, after a blank of its own.
    const niactAt = cut - 5;
    if (niactAt > 0 && body.startsWith('NIACT', niactAt) && isSpace(body.charCodeAt(niactAt - 1))) return { cut: endBeforeSpaces(body, 0, niactAt), wordsAt: niactAt, wordAt, niact: true };
    return { cut, wordsAt: wordAt, wordAt, niact: false };
  }
  const word = body.slice(wordAt);
  return word.length >= 5 && isCapitals(word) && nearPrecedence(word) ? { cut, wordsAt: wordAt, wordAt, niact: false } : undefined;
}

/** Whether `s` from `at` to its end is one of {@link ENTRY_PRECEDENCE}. */
function isEntryPrecedence(s: string, at: number): boolean {
  return precedenceEndingAt(s, at, s.length)?.length === s.length - at;
}

/**
 * A place-first designation (`LONDON, AMEMBASSY`), as `/^(.+?),\s*([A-Z]+)$/` reads it: capitals after the
 * last comma (none can follow another), and before it a place without line breaks (`.` reads none).
 */
function placeFirst(d: string): { place: string; kind: string } | undefined {
  const comma = d.lastIndexOf(',');
  if (comma < 1) return undefined;
  const at = startAfterSpaces(d, comma + 1, d.length);
  if (at === d.length) return undefined;
  for (let i = at; i < d.length; i++) {
    const c = d.charCodeAt(i);
    if (c < 65 || c > 90) return undefined;
  }
  for (let i = 0; i < comma; i++) {
    const c = d.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return undefined;
  }
  return { place: d.slice(0, comma), kind: d.slice(at) };
}

/**
 * Splits the addressees of a draft form's precedence-first line (`ROUTINE
 * ALDAC, DAMASCUS`) at its commas; each takes the precedence that opens the line.
 */
export function parseCommaAddressees(v: ValueText, precedence: string, precedenceSpan: Span): Addressee[] {
  const out: Addressee[] = [];
  const re = /[^,]+/g;
  for (let m = re.exec(v.text); m; m = re.exec(v.text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body === '') continue;
    const from = m.index + lead;
    const to = from + body.length;
    out.push({
      start: v.spanStart(from), end: v.spanEnd(from, to),
      designation: normalDesignation(body, v),
      designationSpan: v.span(from, to),
      text: body,
      precedence: precedence.split(/\s+/),
      precedenceSpan,
      serial: undefined,
      offices: undefined,
      person: false,
    });
  }
  return out;
}

/**
 * Splits a TAGS value into entries: codes separated by commas and/or blanks,
 * personal names in parentheses, and empty entries where commas double up.
 */
export function parseTagEntries(v: ValueText): TagEntry[] {
  const s = v.text;
  const out: TagEntry[] = [];
  let i = 0;
  let sawComma = true; // a leading comma makes an empty first entry
  let entryOpen = false;
  while (i < s.length) {
    const c = s[i];
    if (c === ',') {
      if (sawComma && !entryOpen) out.push({ start: v.spanStart(i), end: v.spanEnd(i, i), text: '', kind: 'empty' });
      sawComma = true;
      entryOpen = false;
      i++;
      continue;
    }
    if (isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    if (c === '(') {
      const close = s.indexOf(')', i + 1);
      const next = s.indexOf('(', i + 1);
      const to = close >= 0 && (next < 0 || close < next) ? close + 1 : s.length;
      out.push({ start: v.spanStart(i), end: v.spanEnd(i, to), text: s.slice(i, to), kind: 'name' });
      i = to;
      sawComma = false;
      entryOpen = true;
      continue;
    }
    let j = i;
    for (let d = s.charCodeAt(j); j < s.length && d !== 44 && d !== 40 && !isSpace(d); d = s.charCodeAt(j)) j++;
    let text = s.slice(i, j);
    // A period ending the line is punctuation, not part of the code.
    if (text.endsWith('.') && s.slice(j).trim() === '') text = text.slice(0, /\.+$/.exec(text)!.index);
    if (text !== '') out.push({ start: v.spanStart(i), end: v.spanEnd(i, i + text.length), text, kind: 'code' });
    i = j;
    sawComma = false;
    entryOpen = true;
  }
  if (sawComma && out.length > 0 && !entryOpen) out.push({ start: v.spanStart(s.length), end: v.spanEnd(s.length, s.length), text: '', kind: 'empty' });
  return out;
}

const PORTION_AT = /^\(([A-Z]{1,4}(?:\s?\/{1,2}\s?[A-Z]{1,8})*)\)\s*/;

/** A portion mark at the start of `s`, if the parenthesised text names a level. */
export function readPortion(v: ValueText, at: number): PortionMark | undefined {
  const m = PORTION_AT.exec(v.text.slice(at));
  if (!m) return undefined;
  const { level, caveats } = portionLevel(m[1]);
  if (!level) return undefined;
  return { start: v.spanStart(at), end: v.spanEnd(at, at + m[0].trimEnd().length), text: m[1], level, caveats };
}

/**
 * Splits a REF value into references. Letters must run in order (A, B, C...),
 * which keeps `U.S.` or an initial inside a reference from splitting it.
 */
export function parseRefs(v: ValueText): Ref[] {
  const s = v.text;
  const labels: { letter: string; at: number; textAt: number }[] = [];
  const re = /(^|\s)(?:\(([A-Z])\)|([A-Z])[.)])(?=\s|$)/g;
  let expect = 'A';
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const letter = m[2] ?? m[3];
    if (letter !== expect) continue;
    labels.push({ letter, at: m.index + m[1].length, textAt: m.index + m[0].length });
    expect = String.fromCharCode(expect.charCodeAt(0) + 1);
  }
  const out: Ref[] = [];
  if (labels.length === 0) {
    const t = s.trim();
    if (t === '') return out;
    const at = s.indexOf(t);
    const portion = readPortion(v, at);
    const textAt = portion ? s.indexOf(t.slice(portion.end - portion.start).trim(), at) : at;
    out.push({ start: v.spanStart(at), end: v.spanEnd(at, at + t.length), letter: undefined, text: s.slice(textAt, at + t.length).trim(), portion });
    return out;
  }
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    const stop = k + 1 < labels.length ? labels[k + 1].at : s.length;
    const body = s.slice(l.textAt, stop);
    const lead = body.length - body.trimStart().length;
    const portion = readPortion(v, l.textAt + lead);
    const textFrom = portion ? l.textAt + lead + (s.slice(l.textAt + lead).match(PORTION_AT)?.[0].length ?? 0) : l.textAt + lead;
    const text = s.slice(textFrom, stop).trim();
    out.push({ start: v.spanStart(l.at), end: v.spanEnd(l.at, l.textAt + body.trimEnd().length), letter: l.letter, text, portion });
  }
  return out;
}

/** Reads the E.O. value (`12356: DECL: OADR`) after its label. */
export function parseEo(v: ValueText, label: string, labelSpan: Span): EoLine {
  const s = v.text;
  const lead = s.length - s.trimStart().length;
  const value = s.trim();
  const valueSpan = v.span(lead, lead + value.length);
  // A messaging-system label carries its own colon (`E.O.:  13526`).
  const m = /^[:;]?\s*([0-9Il]{5})\b\s*[:;.,]?\s*(.*)$/.exec(value);
  let order: string | undefined;
  let orderSpan: Span | undefined;
  let decl: string | undefined;
  let declSpan: Span | undefined;
  if (m) {
    order = m[1].includes('I') || m[1].includes('l') ? m[1].replace(/[Il]/g, '1') : m[1];
    const at = lead + value.indexOf(m[1]);
    orderSpan = v.span(at, at + 5);
    if (m[2] !== '') {
      const dAt = lead + value.length - m[2].length;
      decl = m[2];
      declSpan = v.span(dAt, dAt + m[2].length);
    }
  } else if (value !== '') {
    const rest = withoutColon(value);
    const dAt = lead + value.length - rest.length;
    decl = rest;
    declSpan = v.span(dAt, dAt + rest.length);
  }
  return {
    start: labelSpan.start,
    end: value === '' ? labelSpan.end : valueSpan.end,
    labelSpan,
    label,
    order,
    orderSpan,
    value: withoutColon(value),
    valueSpan,
    decl,
    declSpan,
  };
}

/** `s` without a colon or semicolon that starts it, and the whitespace after that (what `/^[:;]\s*` matches). */
function withoutColon(s: string): string {
  const c = s.charCodeAt(0);
  if (c !== 58 && c !== 59) return s;
  return s.slice(startAfterSpaces(s, 1, s.length));
}

/** Reads a message reference number (`10 BERLIN 1052`, `11 PORT AU PRINCE 504`). */
export function parseMrn(v: ValueText): Mrn | undefined {
  const s = v.text.trim();
  const m = /^(\d{2}|\d{4})\s+([A-Z][A-Z .'-]*?)\s+(\d{1,6})\b/.exec(s);
  if (!m) return undefined;
  const at = v.text.indexOf(s);
  const y = Number(m[1]);
  return { start: v.spanStart(at), end: v.spanEnd(at, at + m[0].length), year: m[1].length === 4 ? y : y >= 50 ? 1900 + y : 2000 + y, post: m[2].includes('  ') ? m[2].replace(/\s+/g, ' ') : m[2], serial: m[3] };
}

/** Whether a messaging-system label is the `Date/DTG` one (`DATE_LABEL`); every other label skips the regex on its initial. */
export function isDateLabel(label: string): boolean {
  return label.charCodeAt(0) === 68 && DATE_LABEL.test(label);
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The number of the month whose name starts with the three ASCII letters `w`, in any case (0 if none). */
function monthNumber(w: string): number {
  // ASCII letters are lower-cased by setting bit 5.
  const a = w.charCodeAt(0) | 32;
  const b = w.charCodeAt(1) | 32;
  const c = w.charCodeAt(2) | 32;
  for (let i = 0; i < 12; i++) {
    const n = MONTH_NAMES[i];
    if (n.charCodeAt(0) === a && n.charCodeAt(1) === b && n.charCodeAt(2) === c) return i + 1;
  }
  return 0;
}

/** The readable date of a messaging-system `Date/DTG:` value (`Aug 03, 2010`), and its parts. */
export interface ReadableDate {
  text: string;
  year: number;
  month: number;
  day: number;
}

/** Reads the readable date of a messaging-system `Date/DTG:` value (`Aug 03, 2010`). */
export function parseMessagingDate(s: string): ReadableDate | undefined {
  const m = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(s);
  if (!m) return undefined;
  const month = monthNumber(m[1]);
  if (!month) return undefined;
  return { text: m[0], year: Number(m[3]), month, day: Number(m[2]) };
}
