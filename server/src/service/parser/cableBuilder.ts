/**
 * Builds the model of one cable from the lexed lines of its segment, and
 * gives each of those lines its final kind. It reads the cable as a state
 * machine over zones (preamble, header, body, trailer): page headers,
 * banners and release stamps are skipped wherever they fall, so a field or
 * paragraph continues across a page break.
 */
import { endBeforeSpaces, hasLowerCase, isSpace, startAfterSpaces } from '../text/chars';
import type { Source } from '../text/source';
import type {
  Addressee, BlockMarker, Cable, CableDate, Field, LineKind, Marking, PageHeader, Paragraph,
  PortionMark, Span, Subparagraph, TextHeader,
} from '../model';
import { dtgIso, findDtg, fullYear } from './dtg';
import {
  isDateLabel, parseCommaAddressees, parseEo, parseMessagingAddressees, parseMessagingDate, parseMrn, parseRefs, parseTagEntries, parseTelegramAddressees,
  readPortion, type ReadableDate,
} from './fieldValues';
import type { AddressKind, Item, LexedLine } from './lexer';
import type { CableRange } from './segmenter';
import { levelRank, portionLevel, readMarking } from './levels';
import { collapseSpaces, isPlain, ValueText } from './valueText';

type Zone = 'pre' | 'header' | 'body' | 'trailer';

interface OpenField {
  kind: 'address' | 'subject' | 'ref' | 'tags' | 'eo' | 'field' | 'classifiedBy';
  which: AddressKind | undefined;
  /** A draft form's address line that puts the precedence first (`ROUTINE ALDAC, DAMASCUS`): the label is the precedence. */
  precedenceFirst: boolean;
  /** A messaging-system field (`Label:` with a value column). */
  messaging: boolean;
  label: string;
  labelSpan: Span;
  lineKind: LineKind;
  pieces: { start: number; text: string }[];
  /** Column where the value starts on the label line, for indented continuation lines. */
  valueCol: number | undefined;
  /** Blank lines met since the last piece. */
  blankRun: number;
}

interface ParaBuild {
  number: number | undefined;
  numberSpan: Span | undefined;
  portion: PortionMark | undefined;
  start: number;
  content: Span[];
  subs: { label: string; labelSpan: Span; style: 'letter' | 'number'; portion: PortionMark | undefined; start: number; content: Span[] }[];
}

const PREVIEW_CHARS = 60;
/** A paragraph's number and portion mark, before its text. */
const LEAD = /^(?:\d{1,3}\s?\.\s*)?(?:['`]?\([A-Z0-9/ ]{1,12}\)\s*)?/;
/** A portion mark opening an unnumbered paragraph (OCR may leave a quote before it). */
const PORTION_LEAD = /^['`]?\(([A-Z]{1,4}(?:\s?\/{1,2}\s?[A-Z]{1,8})*)\)\s/;
/** Every block marker holds one of these words: lines without them skip the marker patterns. None holds another. */
const BLOCK_WORDS = /SUMMARY|Summary|summary|TEXT|Text|text|QUOTE|COMMENT|Comment|comment|FOLLOWS|follows/g;
// The block markers scanBlocks reads on a body line. (?!-) keeps TEXT-BASED and QUOTE-UNQUOTE from being markers.
const BLOCK_BEGIN = /\bBEGIN\s+(SUMMARY|TEXT|COMMENT|QUOTE)\b(?!-)/gi;
const BLOCK_END = /\bEND\s+(?:OF\s+)?(SUMMARY|TEXT|COMMENT|QUOTE)\b(?!-)/gi;
/** "SUMMARY:" and "Comment:" open a block where a paragraph or a sentence starts; they need no END. */
const BLOCK_AT_START = /^(?:\d{1,3}\s?\.\s*)?(?:['`]?\([A-Z0-9/ ]{1,12}\)\s*)?(SUMMARY|Summary|COMMENT|Comment)\s*[:.]/;
const BLOCK_MID_SENTENCE = /([.!?]["')]?\s+)(SUMMARY|Summary|COMMENT|Comment)\s*:/g;
const TEXT_FOLLOWS = /\bTEXT\s+FOLLOWS\b/gi;
const UNQUOTE = /\bUNQUOTE\b/g;
const QUOTE = /\bQUOTE\b(?!-)/g;
/** A level that OCR glued to the end of a page's last line (`... LIKE US TO CONFIDENTIAL`). */
const GLUED_LEVEL = /[ \t]((?:TOP[ \t]+)?SECRET|CONFIDENTIAL|LIMITED OFFICIAL USE|UNCLASSIFIED)$/;
/** A header word that starts an item, as a telegram address list's continuation lines may not (read on the item's first 11 characters). */
const HEADER_WORD = /^(E\.?O\b|TAGS|SUBJ|REF\b|CLASSIFIED)/;

function portionOf(p: { text: string; start: number; end: number } | undefined): PortionMark | undefined {
  if (!p) return undefined;
  const { level, caveats } = portionLevel(p.text);
  return { start: p.start, end: p.end, text: p.text, level, caveats };
}

/**
 * Builds cable number `index` from lines `startLine..endLine` (inclusive) and
 * writes their kinds into `lineKinds`.
 */
export function buildCable(text: Source, lines: LexedLine[], range: CableRange, index: number, lineKinds: LineKind[]): Cable {
  const { startLine, endLine } = range;
  const cable: Cable = {
    index,
    start: lines[startLine].indentEnd,
    end: lines[endLine].end,
    startLine,
    endLine,
    layout: 'draft',
    classification: undefined,
    level: undefined,
    markings: [],
    released: false,
    section: undefined,
    textHeader: undefined,
    mrn: undefined,
    pageHeaders: [],
    dtg: undefined,
    messagingDate: undefined,
    date: undefined,
    from: undefined,
    to: [],
    info: [],
    xmt: [],
    addressLabels: [],
    captions: [],
    eo: undefined,
    tags: undefined,
    subject: undefined,
    refField: undefined,
    refs: [],
    classifiedBy: undefined,
    paragraphs: [],
    blocks: [],
    signature: undefined,
    endMarker: undefined,
    fields: [],
  };
  let zone: Zone = 'pre';
  let open: OpenField | undefined;
  let para: ParaBuild | undefined;
  const paras: ParaBuild[] = [];
  let mode: 'distribution' | 'drafting' | undefined;
  let telegramSigns = false;
  let messaging = false;
  let prevMarking: Marking | undefined;
  let prevMarkingLine = -1;
  let prevContentLine = -1;
  let lastBodyLine = -1;
  let lastBodyEnded = true;
  let pendingBareNumber: Extract<Item, { k: 'paragraph' }> | undefined;
  let pendingFragment: Extract<Item, { k: 'pageFragment' }> | undefined;
  let headerSeen = false;
  const statementMarks: Marking[] = [];
  // Prose before the last header field is preamble (a form's addressing lines, OCR debris), not body.
  // Only prose in the preamble asks, so it is worked out when first needed.
  let lastHeader: number | undefined;
  const lastHeaderLine = (): number => {
    if (lastHeader !== undefined) return lastHeader;
    lastHeader = -1;
    for (let j = startLine; j <= endLine; j++) {
      for (const it of lines[j].items) {
        if (it.k === 'eo' || it.k === 'tags' || it.k === 'subject' || it.k === 'textHeader' || it.k === 'dtg' || (it.k === 'field' && !isTrailerLabel(it.label)) || (it.k === 'address' && it.labelled)) lastHeader = j;
      }
    }
    return lastHeader;
  };

  const kindAt = (line: number, kind: LineKind) => {
    lineKinds[line] = kind;
  };
  const span = (s: number, e: number): Span => ({ start: s, end: e });
  const colOf = (line: number, offset: number) => offset - lines[line].start;

  const closeField = () => {
    if (!open) return;
    const f = open;
    open = undefined;
    const v = new ValueText(f.pieces, f.labelSpan.end);
    if (f.kind === 'address') {
      addAddressees(f, v);
      // A telegram's address lines are no fields of the model: only a messaging-system copy's are.
      if (f.messaging) cable.fields.push(fieldOf(f, v));
      return;
    }
    const field = fieldOf(f, v);
    const end = field.end;
    switch (f.kind) {
      case 'subject': {
        const lead = startAfterSpaces(v.text, 0, v.text.length);
        const portion = readPortion(v, lead);
        cable.subject ??= { start: field.start, end: field.end, label: field.label, labelSpan: field.labelSpan, value: field.value, valueSpans: field.valueSpans, portion };
        cable.fields.push(field);
        break;
      }
      case 'ref':
        if (!cable.refField) {
          cable.refField = field;
          cable.refs = parseRefs(v);
        }
        cable.fields.push(field);
        break;
      case 'tags':
        if (!cable.tags) {
          const lead = startAfterSpaces(v.text, 0, v.text.length);
          cable.tags = {
            start: f.labelSpan.start,
            end,
            labelSpan: f.labelSpan,
            label: text.slice(f.labelSpan.start, f.labelSpan.end),
            valueSpan: v.span(lead, v.text.trimEnd().length),
            value: v.text.trim(),
            entries: parseTagEntries(v),
          };
        }
        cable.fields.push(field);
        break;
      case 'classifiedBy':
        cable.classifiedBy ??= field;
        cable.fields.push(field);
        break;
      case 'eo':
        cable.eo ??= parseEo(v, f.label, f.labelSpan);
        cable.fields.push(field);
        break;
      case 'field':
        finishMessagingField(field, v);
        break;
    }
  };

  /** The field that `f` was, its value `v`. */
  const fieldOf = (f: OpenField, v: ValueText): Field => {
    const valueSpans: Span[] = [];
    for (const p of f.pieces) if (!isBlank(p.text)) valueSpans.push(span(p.start, p.start + p.text.length));
    const end = valueSpans.length ? valueSpans[valueSpans.length - 1].end : f.labelSpan.end;
    const value = collapseSpaces(v.text, v.plain);
    return { start: f.labelSpan.start, end, label: f.label, labelSpan: f.labelSpan, value, valueSpans };
  };

  /** Reads the addressees of address field `f`, its value `v`, into the cable. */
  const addAddressees = (f: OpenField, v: ValueText) => {
    const list = f.messaging ? parseMessagingAddressees(v) : f.precedenceFirst ? parseCommaAddressees(v, f.label, f.labelSpan) : parseTelegramAddressees(v);
    cable.addressLabels.push({ kind: f.which!, span: f.labelSpan, implied: f.precedenceFirst });
    if (f.which === 'from') {
      cable.from ??= list[0];
    } else {
      const target: Addressee[] = f.which === 'to' ? cable.to : f.which === 'info' ? cable.info : cable.xmt;
      target.push(...list);
    }
  };

  /** The readable date of the first messaging-system date field that has one (its text is `cable.messagingDate`). */
  let readableDate: ReadableDate | undefined;
  const finishMessagingField = (field: Field, v: ValueText) => {
    cable.fields.push(field);
    const label = field.label;
    if (label === 'MRN') cable.mrn ??= parseMrn(v);
    else if (isDateLabel(label)) {
      const md = parseMessagingDate(v.text);
      if (md && cable.messagingDate === undefined) {
        cable.messagingDate = md.text;
        readableDate = md;
      }
      if (!cable.dtg) {
        // Find the DTG after the readable date (which itself has digits and a month).
        const from = md ? v.text.indexOf(md.text) + md.text.length : 0;
        const d = findDtg(v.text, from, 0, md?.year);
        if (d) {
          // The DTG was read from the value alone (it is ours to change): its spans move into the document.
          const shift = (x: Span) => v.span(x.start, x.end);
          const { start, end } = d;
          d.start = v.spanStart(start);
          d.end = v.spanEnd(start, end);
          d.digitsSpan = shift(d.digitsSpan);
          d.monthSpan = d.monthSpan && shift(d.monthSpan);
          d.yearSpan = d.yearSpan && shift(d.yearSpan);
          d.prosignSpans = [];
          cable.dtg = d;
        }
      }
    } else if (label === 'Captions') {
      const re = /[A-Z][A-Z_ -]*[A-Z]/g;
      for (let m = re.exec(v.text); m; m = re.exec(v.text)) cable.captions.push({ start: v.spanStart(m.index), end: v.spanEnd(m.index, m.index + m[0].length), text: m[0] });
    } else if (label === 'Signature') {
      cable.signature ??= field;
    }
  };

  const openField = (kind: OpenField['kind'], line: number, labelStart: number, labelEnd: number, valueEnd: number, lineKind: LineKind, opts: { which?: AddressKind; messaging?: boolean; label?: string; precedenceFirst?: boolean } = {}) => {
    closeField();
    const lineEnd = lines[line].end;
    let valueStart = skipBlanks(text, labelEnd, lineEnd);
    // A messaging-system label keeps its colon apart from the order (`E.O.:`): the colon is the label's.
    if (kind === 'eo' && valueStart < lineEnd && (text.charCodeAt(valueStart) === 58 || text.charCodeAt(valueStart) === 59)) {
      labelEnd = valueStart + 1;
      valueStart = skipBlanks(text, valueStart + 1, lineEnd);
    }
    // The value without its trailing whitespace; none at all when it is blank.
    const valueStop = endBeforeSpaces(text, valueStart, valueEnd);
    const blankValue = valueStop <= valueStart;
    const label = opts.label ?? text.slice(labelStart, labelEndTrimmed(text, labelStart, labelEnd));
    open = {
      kind,
      which: opts.which,
      precedenceFirst: opts.precedenceFirst ?? false,
      messaging: opts.messaging ?? false,
      label,
      labelSpan: span(labelStart, labelEnd),
      lineKind,
      pieces: blankValue ? [] : [{ start: valueStart, text: text.slice(valueStart, valueStop) }],
      valueCol: blankValue ? undefined : colOf(line, valueStart),
      blankRun: 0,
    };
  };

  /** Whether text item `it` on `line` continues the open field. */
  const continues = (it: Item, line: number): boolean => {
    if (!open) return false;
    const f = open;
    const indent = colOf(line, lines[line].indentEnd);
    const textual = it.k === 'text' || it.k === 'caption';
    if (f.kind === 'tags' || f.kind === 'eo') {
      if (!textual) return false;
      // A label alone on its line takes the next line as its value (at any distance in a messaging-system copy).
      if (f.pieces.length === 0) return f.blankRun === 0 || f.messaging;
      const last = f.pieces[f.pieces.length - 1];
      return f.kind === 'tags' && f.blankRun === 0 && endsWithComma(last.text);
    }
    if (f.messaging) {
      if (!textual && it.k !== 'subparagraph' && it.k !== 'paragraph') return false;
      if (f.valueCol === undefined) {
        // Label alone on its line: the value is the next lines up to a blank line.
        return it.k !== 'paragraph' && (f.pieces.length === 0 || f.blankRun === 0);
      }
      if (f.kind === 'subject') return f.blankRun === 0 && indent >= f.valueCol - 2 && textual;
      return indent >= Math.min(f.valueCol - 4, 20) && it.k !== 'paragraph';
    }
    if (f.kind === 'address') return textual && continuesAddresses(text, it.start, it.end);
    if (f.kind === 'subject' || f.kind === 'classifiedBy') return f.blankRun === 0 && textual;
    if (f.kind === 'ref') return f.blankRun === 0 && (textual || it.k === 'subparagraph');
    return false;
  };

  const startPara = (p: Omit<ParaBuild, 'content' | 'subs'>) => {
    para = { number: p.number, numberSpan: p.numberSpan, portion: p.portion, start: p.start, content: [], subs: [] };
    paras.push(para);
  };

  const addBody = (line: number, from: number, to: number) => {
    if (!para) startPara({ number: undefined, numberSpan: undefined, portion: undefined, start: from });
    const p = para!;
    const s = span(from, to);
    p.content.push(s);
    if (p.subs.length) p.subs[p.subs.length - 1].content.push(s);
    scanBlocks(from, to);
    lastBodyLine = line;
    lastBodyEnded = endsSentence(text, from, to);
    zone = 'body';
  };

  const blockWords = new BlockWords(text, lines[endLine].end);
  const scanBlocks = (from: number, to: number) => {
    const words = blockWords.within(from, to);
    if (words === 0) return;
    const s = text.slice(from, to);
    const found: BlockMarker[] = [];
    const push = (block: BlockMarker['block'], edge: BlockMarker['edge'], at: number, len: number, implicit = false) =>
      found.push({ start: from + at, end: from + at + len, block, edge, implicit });
    let m: RegExpExecArray | null;
    BLOCK_BEGIN.lastIndex = 0;
    while ((m = BLOCK_BEGIN.exec(s))) push(m[1].toUpperCase() as BlockMarker['block'], 'begin', m.index, m[0].length);
    BLOCK_END.lastIndex = 0;
    while ((m = BLOCK_END.exec(s))) push(m[1].toUpperCase() as BlockMarker['block'], 'end', m.index, m[0].length);
    // The patterns that need a SUMMARY or COMMENT, or a QUOTE, are skipped where the span has none.
    const opener = (words & SUMMARY_OR_COMMENT) !== 0;
    const atStart = opener ? BLOCK_AT_START.exec(s) : null;
    if (atStart) push(atStart[1].toUpperCase() as BlockMarker['block'], 'begin', atStart[0].indexOf(atStart[1]), atStart[1].length, true);
    BLOCK_MID_SENTENCE.lastIndex = 0;
    while (opener && (m = BLOCK_MID_SENTENCE.exec(s))) push(m[2].toUpperCase() as BlockMarker['block'], 'begin', m.index + m[1].length, m[2].length, true);
    TEXT_FOLLOWS.lastIndex = 0;
    while ((m = TEXT_FOLLOWS.exec(s))) push('TEXT', 'begin', m.index, m[0].length, true);
    const quote = (words & QUOTE_WORD) !== 0;
    UNQUOTE.lastIndex = 0;
    while (quote && (m = UNQUOTE.exec(s))) push('QUOTE', 'end', m.index, m[0].length);
    // Every QUOTE may open quoted matter that UNQUOTE closes; only where it is plainly the operator (after a colon
    // or a stop, or READS/SAID) must it be closed, since elsewhere it may be the verb ("WE NOT QUOTE HIM").
    QUOTE.lastIndex = 0;
    while (quote && (m = QUOTE.exec(s))) {
      const before = s.slice(Math.max(0, m.index - 16), m.index);
      if (/(?:\bEND|\bBEGIN|UN)\s*$/.test(before)) continue;
      const operator = before.trim() === '' || /[:.,;]\s*$/.test(before) || /\b(?:READS|READ|SAID|SAYS|STATED|STATES|FOLLOWS|FOLLOWING)\s+$/.test(before);
      push('QUOTE', 'begin', m.index, 5, !operator);
    }
    found.sort((a, b) => a.start - b.start);
    cable.blocks.push(...found);
  };

  const addMarking = (m: Marking, line: number) => {
    cable.markings.push(m);
    prevMarking = m;
    prevMarkingLine = line;
  };

  // The stamps of the cable's first and last page (outside its content lines) only tell that the copy is a release.
  for (let line = range.segmentStart; line < startLine; line++) if (lines[line].items[0]?.k === 'stamp') markStamp(line);
  for (let line = endLine + 1; line <= range.segmentEnd; line++) if (lines[line].items[0]?.k === 'stamp') markStamp(line);
  function markStamp(line: number) {
    cable.released = true;
    lineKinds[line] = 'release-stamp';
  }

  // A line's kind is its first item's: setKind writes it once per line.
  let currentLine = -1;
  let kindLine = -1;
  const setKind = (kind: LineKind) => {
    if (kindLine === currentLine) return;
    kindAt(currentLine, kind);
    kindLine = currentLine;
  };

  for (let line = startLine; line <= endLine; line++) {
    const L = lines[line];
    const items = L.items;
    if (items.length === 0) {
      lineKinds[line] = 'blank';
      if (open) open.blankRun++;
      if (zone === 'body') lastBodyEnded = true;
      continue;
    }
    currentLine = line;
    for (let n = 0; n < items.length; n++) {
      const it = items[n];
      switch (it.k) {
        case 'stamp':
        case 'email':
          cable.released = true;
          setKind('release-stamp');
          break;
        case 'marking': {
          if (it.sbuOnly && prevMarking && prevMarking.level === 'UNCLASSIFIED' && prevMarkingLine === prevContentLine) {
            prevMarking.level = 'SENSITIVE BUT UNCLASSIFIED';
            prevMarking.caveats.push('SBU');
            prevMarking.text += ' SBU';
            setKind('classification');
            break;
          }
          addMarking({ start: it.start, end: it.end, level: it.m.level, caveats: [...it.m.caveats], role: 'banner', text: text.slice(it.start, it.end) }, line);
          setKind('classification');
          break;
        }
        case 'statement': {
          const m: Marking = { start: it.start, end: it.start + it.m.levelLength, level: it.m.level, caveats: [...it.m.caveats], role: 'statement', text: text.slice(it.start, it.start + it.m.levelLength) };
          statementMarks.push(m);
          closeField();
          flushBareNumber(line);
          setKind(para && para.content.length === 0 ? 'paragraph' : 'text');
          addBody(line, it.start, it.end);
          break;
        }
        case 'textHeader': {
          closeField();
          const th: TextHeader = { start: it.start, end: it.end, post: it.post?.text, postSpan: it.post && span(it.post.start, it.post.end), serial: it.serial?.text, serialSpan: it.serial && span(it.serial.start, it.serial.end) };
          cable.textHeader ??= th;
          if (it.section) cable.section ??= { start: it.section.start, end: it.section.end, part: it.section.part, of: it.section.of };
          addMarking({ start: it.start, end: it.start + it.m.levelLength, level: it.m.level, caveats: [...it.m.caveats], role: 'text-header', text: text.slice(it.start, it.start + it.m.levelLength) }, line);
          mode = undefined;
          setKind('text-header');
          break;
        }
        case 'pageHeader': {
          const ph: PageHeader = {
            start: it.start, end: it.end, page: it.page, pageSpan: span(it.pageStart, it.pageEnd),
            post: it.post?.text, postSpan: it.post && span(it.post.start, it.post.end),
            serial: it.serial?.text, serialSpan: it.serial && span(it.serial.start, it.serial.end), time: it.time,
          };
          if (!ph.post && pendingFragment) fillFragment(ph, pendingFragment);
          pendingFragment = undefined;
          cable.pageHeaders.push(ph);
          telegramSigns = true;
          setKind('page-header');
          break;
        }
        case 'pageFragment': {
          const last = cable.pageHeaders[cable.pageHeaders.length - 1];
          if (last && !last.post && lastLineKindIs(lineKinds, line, 'page-header', lines)) fillFragment(last, it);
          else pendingFragment = it;
          setKind(zone === 'pre' && mode === 'distribution' ? 'distribution' : 'page-header');
          break;
        }
        case 'pageNumber':
          setKind('page-number');
          break;
        case 'distribution':
          closeField();
          mode = 'distribution';
          telegramSigns = true;
          setKind('distribution');
          break;
        case 'drafting':
          closeField();
          mode = 'drafting';
          setKind('drafting');
          break;
        case 'routing':
          closeField();
          mode = undefined;
          telegramSigns = true;
          setKind('routing');
          break;
        case 'dtg':
          closeField();
          mode = undefined;
          cable.dtg ??= it.dtg;
          setKind('dtg');
          break;
        case 'address': {
          if (!it.labelled && (zone === 'body' || zone === 'trailer' || (zone === 'header' && it.which !== 'from'))) {
            handleText(it, line);
            break;
          }
          mode = undefined;
          if (it.labelled) messaging = true;
          const lk: LineKind = it.labelled ? 'field' : it.which;
          // Messaging Info: and XMT: in the trailer are still address lists.
          openField('address', line, it.start, it.labelEnd, it.end, lk, { which: it.which, messaging: it.labelled, precedenceFirst: it.precedenceFirst });
          if (!it.labelled && zone === 'pre') headerSeen = true;
          setKind(lk);
          break;
        }
        case 'section':
          if (zone === 'body' && !open) {
            handleText(it, line);
            break;
          }
          cable.section ??= { start: it.start, end: it.wordsEnd, part: it.part, of: it.of };
          if (it.post && !cable.textHeader) {
            cable.textHeader = { start: it.start, end: it.end, post: it.post.text, postSpan: span(it.post.start, it.post.end), serial: it.serial?.text, serialSpan: it.serial && span(it.serial.start, it.serial.end) };
          }
          setKind('section');
          break;
        case 'eo':
          if (zone === 'body' && cable.eo) {
            handleText(it, line);
            break;
          }
          flushBareNumber(line);
          openField('eo', line, it.start, it.labelEnd, it.end, 'eo', { messaging, label: it.label.trim() });
          if (zone !== 'body') zone = 'header';
          headerSeen = true;
          mode = undefined;
          setKind('eo');
          break;
        case 'tags':
          if (zone === 'body' && cable.tags) {
            handleText(it, line);
            break;
          }
          flushBareNumber(line);
          openField('tags', line, it.start, it.labelEnd, it.end, 'tags', { messaging });
          if (zone !== 'body') zone = 'header';
          headerSeen = true;
          mode = undefined;
          setKind('tags');
          break;
        case 'subject': {
          const mixed = hasLowerCase(text, it.start, it.labelEnd);
          const colon = endsWithColon(text, it.start, it.labelEnd);
          if ((zone === 'body' && (cable.subject || !colon)) || (!colon && zone === 'trailer')) {
            handleText(it, line);
            break;
          }
          flushBareNumber(line);
          openField('subject', line, it.start, it.labelEnd, it.end, 'subject', { messaging: mixed || messaging });
          if (zone !== 'body') zone = 'header';
          headerSeen = true;
          mode = undefined;
          setKind('subject');
          break;
        }
        case 'ref': {
          const mixed = hasLowerCase(text, it.start, it.labelEnd);
          if (zone === 'body' || zone === 'trailer' || (!it.labelled && !headerSeen)) {
            handleText(it, line);
            break;
          }
          openField('ref', line, it.start, it.labelEnd, it.end, 'ref', { messaging: mixed });
          zone = 'header';
          setKind('ref');
          break;
        }
        case 'classifiedBy':
          if (zone === 'body' && cable.classifiedBy) {
            handleText(it, line);
            break;
          }
          openField('classifiedBy', line, it.start, it.labelEnd, it.end, 'classified-by');
          setKind('classified-by');
          break;
        case 'field': {
          messaging = true;
          mode = undefined;
          openField('field', line, it.start, it.labelEnd, it.end, 'field', { messaging: true, label: it.label });
          if (isTrailerLabel(it.label)) zone = 'trailer';
          else if (zone === 'pre') zone = 'header';
          headerSeen = true;
          setKind('field');
          break;
        }
        case 'paragraph': {
          if (open && open.kind === 'ref' && it.textStart >= it.end && !pendingBareNumber) {
            // OCR can put a bare paragraph number between lettered references: hold it until the references end.
            pendingBareNumber = it;
            setKind('paragraph');
            break;
          }
          if (open && continues(it, line)) {
            appendPiece(it);
            break;
          }
          if (zone === 'trailer' && messaging) {
            handleText(it, line);
            break;
          }
          // A number that wraps onto the start of a line mid-sentence (`... having won only\n45. At the time`) is prose.
          const expected = (lastNumber(paras) ?? 0) + 1;
          if (zone === 'body' && it.number !== expected && prevContentLine === line - 1 && !lastBodyEnded && lastBodyLine === line - 1) {
            handleText(it, line);
            break;
          }
          closeField();
          flushBareNumber(line);
          startPara({ number: it.number, numberSpan: span(it.start, it.numberEnd), portion: portionOf(it.portion), start: it.start });
          setKind('paragraph');
          statementAt(it.textStart, it.end);
          if (it.textStart < it.end) addBodyLine(line, it.start, it.end);
          else {
            zone = 'body';
            lastBodyLine = line;
          }
          break;
        }
        case 'subparagraph': {
          if (open && continues(it, line)) {
            appendPiece(it);
            break;
          }
          closeField();
          flushBareNumber(line);
          // `(C) The council met...`: a portion-marked paragraph without a number, unless the letters run on from (B).
          if (/^\([UCS]\)$/.test(it.label) && (zone === 'body' || zone === 'header') && lastBodyEnded && !continuesLetters(para, it.label)) {
            startPara({ number: undefined, numberSpan: undefined, portion: portionOf({ text: it.label.slice(1, -1), start: it.start, end: it.start + 3 }), start: it.start });
            setKind('paragraph');
            addBodyLine(line, it.start, it.end);
            break;
          }
          if (zone === 'body' && para && (lastBodyEnded || para.subs.length > 0)) {
            para.subs.push({ label: it.label, labelSpan: span(it.start, it.start + it.label.length), style: it.style, portion: portionOf(it.portion), start: it.start, content: [] });
            setKind('subparagraph');
            addBodyLine(line, it.start, it.end);
            break;
          }
          handleText(it, line);
          break;
        }
        case 'end':
          closeField();
          cable.endMarker = span(it.start, it.end);
          setKind('end');
          break;
        case 'bt':
          closeField();
          setKind('bt');
          break;
        case 'caption':
          if (zone === 'pre' || zone === 'header') {
            if (open && continues(it, line)) {
              appendPiece(it);
              break;
            }
            closeField();
            const t = text.slice(it.start, it.end);
            if (/^(DEPT FOR|PASS TO)/.test(t)) setKind('pass-line');
            else {
              cable.captions.push({ start: it.start, end: it.end, text: t });
              setKind('caption');
            }
            break;
          }
          handleText(it, line);
          break;
        case 'text':
          // Prose in the body with nothing open or pending (most lines of a cable) goes straight in.
          if (zone === 'body' && !open && !pendingBareNumber) addProse(it, line);
          else handleText(it, line);
          break;
      }
    }
    prevContentLine = line;
  }
  closeField();
  flushBareNumber(endLine);

  function lastLineKindIs(kinds: LineKind[], line: number, kind: LineKind, all: LexedLine[]): boolean {
    for (let j = line - 1; j >= startLine; j--) if (all[j].items.length) return kinds[j] === kind;
    return false;
  }

  function fillFragment(ph: PageHeader, f: Extract<Item, { k: 'pageFragment' }>) {
    if (f.post) {
      ph.post = f.post.text;
      ph.postSpan = span(f.post.start, f.post.end);
    }
    if (f.serial) {
      ph.serial = f.serial.text;
      ph.serialSpan = span(f.serial.start, f.serial.end);
    }
    ph.time ??= f.time;
  }

  function appendPiece(it: Item) {
    const f = open!;
    f.pieces.push({ start: it.start, text: text.slice(it.start, it.end) });
    f.blankRun = 0;
    setKind(f.lineKind);
  }

  function flushBareNumber(line: number) {
    if (!pendingBareNumber) return;
    const it = pendingBareNumber;
    pendingBareNumber = undefined;
    startPara({ number: it.number, numberSpan: span(it.start, it.numberEnd), portion: portionOf(it.portion), start: it.start });
    zone = 'body';
    lastBodyLine = Math.max(lastBodyLine, line - 1);
  }

  /** `1. CONFIDENTIAL - ENTIRE TEXT.`: a classification statement after a paragraph number. */
  function statementAt(from: number, to: number) {
    // A marking starts with T, S, C, U, L or 5 (as readMarking reads it): the text of most paragraphs is not sliced.
    const c = from < to ? text.charCodeAt(from) : 0;
    if (c !== 84 && c !== 83 && c !== 67 && c !== 85 && c !== 76 && c !== 53) return;
    const m = readMarking(text.slice(from, to));
    if (m && /^\s*-\s*ENTIRE\s+TEXT\b/.test(text.slice(from + m.length, to))) {
      statementMarks.push({ start: from, end: from + m.levelLength, level: m.level, caveats: [...m.caveats], role: 'statement', text: text.slice(from, from + m.levelLength) });
    }
  }

  function handleText(it: Item, line: number) {
    if (open && continues(it, line)) {
      appendPiece(it);
      return;
    }
    if (zone === 'pre') {
      const t = text.slice(it.start, it.end);
      closeField();
      if (mode === 'distribution') return setKind('distribution');
      if (mode === 'drafting') return setKind('drafting');
      if (/^[A-Z0-9\/ &-]+\s+FOR\s+\S/.test(t) && (cable.textHeader || headerSeen)) return setKind('pass-line');
      if (/^[A-Z][A-Z0-9\/-]*(-[A-Z]+)?:[A-Z]/.test(t) || /^\d{1,2}\/\d{1,2}\/\d{2,4}\s+[\d-]+$/.test(t) || /^(APPR|DRAFT|CLR \d*|INITIALS)\s*:?/.test(t)) return setKind('drafting');
      if (!headerSeen && !cable.textHeader && !messaging && line > lastHeaderLine()) {
        // Before any header a line of prose is still part of the cable (a draft without header fields).
        addBody(line, it.start, it.end);
        return setKind('text');
      }
      if (cable.textHeader && !headerSeen) return setKind('pass-line');
      if (line <= lastHeaderLine()) return setKind('text');
    }
    closeField();
    if (zone === 'trailer') {
      if (messaging) {
        setKind('field');
        return;
      }
    }
    flushBareNumber(line);
    addProse(it, line);
  }

  /** Adds a line of prose to the body: a paragraph of its own if a portion mark opens it after a sentence ends. */
  function addProse(it: Item, line: number) {
    // `(SBU) Text` after a sentence ends: an unnumbered, portion-marked paragraph.
    const c = text.charCodeAt(it.start);
    // ( ' `
    const mark = lastBodyEnded && (c === 40 || c === 39 || c === 96) ? PORTION_LEAD.exec(text.slice(it.start, it.end)) : null;
    if (mark && portionLevel(mark[1]).level) {
      const at = it.start + mark[0].indexOf('(');
      startPara({ number: undefined, numberSpan: undefined, portion: portionOf({ text: mark[1], start: at, end: at + mark[1].length + 2 }), start: it.start });
      setKind('paragraph');
      addBodyLine(line, it.start, it.end);
      return;
    }
    setKind('text');
    addBodyLine(line, it.start, it.end);
  }

  /** Adds a body line, splitting off a level that OCR glued to the end of a page's last line (`... LIKE US TO CONFIDENTIAL`). */
  function addBodyLine(line: number, from: number, to: number) {
    const glued = endsWithLevel(text, from, to) ? GLUED_LEVEL.exec(text.slice(from, to)) : null;
    if (glued && nextIsPageBreak(line)) {
      const at = from + glued.index + 1;
      const mm = readMarking(text.slice(at, to));
      if (mm) addMarking({ start: at, end: to, level: mm.level, caveats: mm.caveats, role: 'banner', text: text.slice(at, to) }, line);
      to = from + glued.index;
    }
    addBody(line, from, to);
  }

  function nextIsPageBreak(line: number): boolean {
    for (let j = line + 1; j <= endLine; j++) {
      const its = lines[j].items;
      if (its.length === 0) continue;
      return its[0].k === 'marking' || its[0].k === 'pageHeader' || its[0].k === 'stamp';
    }
    return false;
  }

  // ---- After the walk: signature, roles of markings, overall classification, dates. ----
  finishParagraphs(cable, paras, text, lineKinds, lines, startLine, messaging);
  cable.layout = messaging ? 'messaging' : telegramSigns ? 'telegram' : 'draft';
  // A DTG line alone does not make a printed telegram: drafts carry one too.
  assignMarkingRoles(cable, statementMarks);
  decideClassification(cable);
  cable.date = decideDate(cable, readableDate);
  return cable;
}

/** Turns paragraph builds into paragraphs, first taking a signature off the end of the body. */
function finishParagraphs(cable: Cable, paras: ParaBuild[], text: Source, lineKinds: LineKind[], lines: LexedLine[], startLine: number, messaging: boolean) {
  const last = paras[paras.length - 1];
  if (!messaging && !cable.signature && last && last.content.length > 1) {
    const s = last.content[last.content.length - 1];
    const t = text.slice(s.start, s.end).trim();
    const before = last.content[last.content.length - 2];
    const separated = /[.!?"')]\s*$/.test(text.slice(before.start, before.end)) || lineOf(lines, s.start, startLine, cable.endLine) - lineOf(lines, before.end, startLine, cable.endLine) > 1;
    if (separated && /^[A-Z][A-Z.'-]*(?:[ \t][A-Z][A-Z.'-]*){0,2}$/.test(t) && t.length <= 30 && !/\.$/.test(t)) {
      last.content.pop();
      if (last.subs.length) last.subs[last.subs.length - 1].content = last.subs[last.subs.length - 1].content.filter((c) => c !== s);
      cable.signature = { start: s.start, end: s.end, label: '', labelSpan: { start: s.start, end: s.start }, value: t, valueSpans: [s] };
      for (let j = startLine; j <= cable.endLine; j++) {
        if (lines[j].start <= s.start && s.start <= lines[j].end) {
          lineKinds[j] = 'signature';
          break;
        }
      }
    }
  }
  for (const p of paras) {
    const end = p.content.length ? p.content[p.content.length - 1].end : p.numberSpan?.end ?? p.start;
    // Numbered subparagraphs under a lettered one are its children: A. (1) (2) B.
    const subs: Subparagraph[] = [];
    let letter: Subparagraph | undefined;
    for (const s of p.subs) {
      const sub: Subparagraph = {
        start: s.start,
        end: s.content.length ? s.content[s.content.length - 1].end : s.labelSpan.end,
        label: s.label,
        labelSpan: s.labelSpan,
        style: s.style,
        portion: s.portion,
        subparagraphs: [],
      };
      if (sub.style === 'number' && letter) {
        letter.subparagraphs.push(sub);
        letter.end = Math.max(letter.end, sub.end);
        continue;
      }
      subs.push(sub);
      letter = sub.style === 'letter' ? sub : undefined;
    }
    const para: Paragraph = { start: p.start, end: Math.max(end, p.start), number: p.number, numberSpan: p.numberSpan, portion: p.portion, preview: previewOf(text, p), subparagraphs: subs };
    cable.paragraphs.push(para);
  }
}

/** What a block word is, as bits: SUMMARY, Summary, COMMENT or Comment (what "SUMMARY:" and "Comment:" need); QUOTE; any other. */
const SUMMARY_OR_COMMENT = 1;
const QUOTE_WORD = 2;
const OTHER_WORD = 4;

/** The kind of block word `w` is: its initial tells (no lower-case `summary` or `comment` starts with a capital). */
function blockWordKind(w: string): number {
  const c = w.charCodeAt(0);
  return c === 83 || c === 67 ? SUMMARY_OR_COMMENT : c === 81 ? QUOTE_WORD : OTHER_WORD;
}

/**
 * The block words of a cable's text, found with one scan (a regex call per body line costs far more), which
 * starts at the first span asked about and runs to the cable's end: the header above the body is not read.
 */
class BlockWords {
  private starts: number[] = [];
  private ends: number[] = [];
  private kinds: number[] = [];
  /** Where the scan started (-1 before it). */
  private from = -1;
  /** The first word at or after the start of the span last asked about. */
  private next = 0;

  constructor(
    private readonly text: Source,
    private readonly end: number,
  ) {}

  /** The kinds (bits) of the block words that lie wholly inside `[start, end)`; 0 when none does. */
  within(start: number, end: number): number {
    // Spans are asked about in order: one scan serves them all.
    if (this.from < 0 || start < this.from) this.scan(start);
    const starts = this.starts;
    // The first word at or after `start`, found by moving on from the last span's (back, should a span come early).
    let i = this.next;
    while (i > 0 && starts[i - 1] >= start) i--;
    while (i < starts.length && starts[i] < start) i++;
    this.next = i;
    let kinds = 0;
    for (; i < starts.length && starts[i] < end; i++) if (this.ends[i] <= end) kinds |= this.kinds[i];
    return kinds;
  }

  private scan(from: number) {
    this.from = from;
    this.next = 0;
    this.starts = [];
    this.ends = [];
    this.kinds = [];
    const s = this.text.slice(from, this.end);
    BLOCK_WORDS.lastIndex = 0;
    for (let m = BLOCK_WORDS.exec(s); m; m = BLOCK_WORDS.exec(s)) {
      this.starts.push(from + m.index);
      this.ends.push(from + m.index + m[0].length);
      this.kinds.push(blockWordKind(m[0]));
      // Overlapping words too (`TEXTEXT`): the next search starts one character on.
      BLOCK_WORDS.lastIndex = m.index + 1;
    }
  }
}

/** Where a label ends without the blanks, colons, semicolons and periods after it (as `/[\s:;.]+$/` trims it). */
function labelEndTrimmed(text: Source, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c !== 58 && c !== 59 && c !== 46 && !isSpace(c)) break;
    end--;
  }
  return end;
}

/** Whether `(X)` continues the lettered subparagraphs `(A)`, `(B)`... of a paragraph. */
function continuesLetters(para: ParaBuild | undefined, label: string): boolean {
  const last = para?.subs.filter((s) => s.style === 'letter' && s.label.startsWith('(')).pop();
  return !!last && last.label.charCodeAt(1) + 1 === label.charCodeAt(1);
}

/**
 * A paragraph's preview: the start of its own text (before its first subparagraph), after its number and
 * portion mark, whitespace collapsed, cut at a word boundary. It is read after the signature came off.
 */
function previewOf(text: Source, p: ParaBuild): string {
  // The first lines, each cut to PREVIEW_CHARS + 20 characters, until that many are read (counting a space before each).
  const ownEnd = p.subs.length ? p.subs[0].start : Infinity;
  const pieces: string[] = [];
  let read = 0;
  for (const c of p.content) {
    if (read >= PREVIEW_CHARS + 20 || c.start >= ownEnd) break;
    const piece = text.slice(c.start, Math.min(c.end, c.start + PREVIEW_CHARS + 20));
    pieces.push(piece);
    read += 1 + piece.length;
  }
  return plainPreview(pieces) ?? previewOfJoined(` ${pieces.join(' ')}`);
}

/** The preview of the text ` piece piece...`: whitespace collapsed, trimmed, without the number and portion mark, clipped. */
function previewOfJoined(joined: string): string {
  let preview = collapseSpaces(joined);
  const lead = LEAD.exec(preview);
  if (lead) preview = preview.slice(lead[0].length);
  return clip(preview, PREVIEW_CHARS);
}

/** The longest number and portion mark LEAD reads where no two whitespace characters stand together. */
const LEAD_MAX = 22;

/**
 * {@link previewOfJoined} of the pieces joined, found without joining them where the text needs no collapsing
 * (nine paragraphs in ten): the pieces are the text that stays, so the preview is cut from them. Undefined
 * where the text needs collapsing, or the first piece is too short to hold the number and portion mark
 * with room to spare (the mark could then run into the next piece).
 */
function plainPreview(pieces: string[]): string | undefined {
  // The first piece holds the mark with room to spare, even if the trimmed text loses its last character.
  if (pieces.length === 0 || pieces[0].length <= LEAD_MAX + 1) return undefined;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    // A piece that starts, or ends before another, with whitespace makes two blanks in a row with the joining space.
    if (piece.length === 0 || isSpace(piece.charCodeAt(0)) || (k < pieces.length - 1 && isSpace(piece.charCodeAt(piece.length - 1))) || !isPlain(piece)) return undefined;
  }
  // The joined text trimmed: the pieces, but for a last blank of the last piece.
  const last = pieces[pieces.length - 1];
  let length = pieces.length - 1 - (isSpace(last.charCodeAt(last.length - 1)) ? 1 : 0);
  for (const piece of pieces) length += piece.length;
  const first = pieces[0];
  const c = first.charCodeAt(0);
  // LEAD reads nothing unless the text starts with a digit, a quote or a parenthesis.
  const from = (c >= 48 && c <= 57) || c === 39 || c === 96 || c === 40 ? LEAD.exec(first)![0].length : 0;
  if (length - from <= PREVIEW_CHARS) return joinedSlice(pieces, from, length);
  // As clip cuts: at the last space of the first PREVIEW_CHARS + 1 characters, if it is past the middle.
  const space = lastSpace(pieces, from + PREVIEW_CHARS) - from;
  return joinedSlice(pieces, from, from + (space > PREVIEW_CHARS / 2 ? space : PREVIEW_CHARS));
}

/** The position of the last space at or before `at` in the pieces joined with spaces (-1 if none). */
function lastSpace(pieces: string[], at: number): number {
  let start = 0;
  for (const piece of pieces) {
    const end = start + piece.length;
    // Position `end` is the joining space after this piece.
    if (at <= end) {
      if (at === end) return end;
      const i = piece.lastIndexOf(' ', at - start);
      return i >= 0 ? start + i : start - 1;
    }
    start = end + 1;
  }
  return -1;
}

/** `[from, to)` of the pieces joined with spaces. */
function joinedSlice(pieces: string[], from: number, to: number): string {
  let out = '';
  let start = 0;
  for (let k = 0; k < pieces.length && start < to; k++) {
    const piece = pieces[k];
    const end = start + piece.length;
    if (end > from) out += piece.slice(Math.max(0, from - start), Math.min(piece.length, to - start));
    // The joining space after the piece.
    if (end >= from && end < to && k < pieces.length - 1) out += ' ';
    start = end + 1;
  }
  return out;
}

/** `s` cut to at most `max` characters, at a word boundary where there is one. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? cut.slice(0, space) : cut.slice(0, max);
}

/** Whether `text[from, to)` ends with sentence punctuation (trailing blanks ignored). */
function endsSentence(text: Source, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < from) return false;
  const c = text.charCodeAt(i);
  // . : ; ! ? " ' ) ]
  return c === 46 || c === 58 || c === 59 || c === 33 || c === 63 || c === 34 || c === 39 || c === 41 || c === 93;
}

/** Whether `text[from, to)` ends in a level word after something else (what GLUED_LEVEL needs): most lines are not sliced. */
function endsWithLevel(text: Source, from: number, to: number): boolean {
  const last = text.charCodeAt(to - 1);
  const word = last === 84 ? 'SECRET' : last === 76 ? 'CONFIDENTIAL' : last === 69 ? 'LIMITED OFFICIAL USE' : last === 68 ? 'UNCLASSIFIED' : undefined;
  return word !== undefined && to - from > word.length && text.startsWith(word, to - word.length);
}

/** Where the blanks (spaces and tabs) from `i` end, at `end` at the latest. */
function skipBlanks(text: Source, i: number, end: number): number {
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** Whether `s` is all whitespace (`s.trim() === ''`). */
function isBlank(s: string): boolean {
  return startAfterSpaces(s, 0, s.length) === s.length;
}

/** Whether `text[from, to)` ends with a colon, semicolon or period, whitespace after it aside (`/[:;.]\s*$/`). */
function endsWithColon(text: Source, from: number, to: number): boolean {
  const end = endBeforeSpaces(text, from, to);
  const c = end > from ? text.charCodeAt(end - 1) : 0;
  return c === 58 || c === 59 || c === 46;
}

/** Whether `s` ends with a comma, whitespace after it aside (`/,\s*$/`). */
function endsWithComma(s: string): boolean {
  const end = endBeforeSpaces(s, 0, s.length);
  return end > 0 && s.charCodeAt(end - 1) === 44;
}

/**
 * Whether the text item `text[start, end)` continues a telegram address list: at most 90 characters of
 * capitals, digits, blanks and `/,'&().:-`, not ending in a period, and not a header word being typed
 * (`E.O`, `TAGS`), which ends the list rather than continuing it.
 */
function continuesAddresses(text: Source, start: number, end: number): boolean {
  if (end - start > 90 || end === start || text.charCodeAt(end - 1) === 46) return false;
  for (let i = start; i < end; i++) if (!isAddressChar(text.charCodeAt(i))) return false;
  return !HEADER_WORD.test(text.slice(start, Math.min(end, start + 11)));
}

/** `[A-Z0-9 \t\/,'&().:-]` */
function isAddressChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 38 && c <= 58 && c !== 42 && c !== 43) || c === 32 || c === 9;
}

function lastNumber(paras: ParaBuild[]): number | undefined {
  for (let i = paras.length - 1; i >= 0; i--) if (paras[i].number !== undefined) return paras[i].number;
  return undefined;
}

/** The line holding `offset`, searched among lines `from..to` (the cable's own: the rest may be gone). */
function lineOf(lines: LexedLine[], offset: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Top, banner and closing roles, from where each marking stands relative to
 * the header and body. In a released copy a bare UNCLASSIFIED next to a
 * higher marking is the copy's release status, so it is dropped first.
 */
function assignMarkingRoles(cable: Cable, statements: Marking[]) {
  if (cable.released && (cable.markings.some(isClassified) || statements.some(isClassified))) cable.markings = cable.markings.filter((m) => m.level !== 'UNCLASSIFIED');
  const firstHeader = Math.min(
    cable.eo?.start ?? Infinity, cable.tags?.start ?? Infinity, cable.subject?.start ?? Infinity, cable.from?.start ?? Infinity,
    cable.dtg?.start ?? Infinity, cable.mrn?.start ?? Infinity, cable.paragraphs[0]?.start ?? Infinity, cable.pageHeaders[0]?.start ?? Infinity,
  );
  // Loops, not Math.max(...spread): a cable can have hundreds of thousands of paragraphs.
  let bodyEnd = cable.signature?.end ?? -1;
  for (const p of cable.paragraphs) if (p.end > bodyEnd) bodyEnd = p.end;
  for (const f of cable.fields) if (f.end > bodyEnd) bodyEnd = f.end;
  const list = cable.markings;
  let topSeen = false;
  for (const m of list) {
    if (m.role === 'top') topSeen = true;
    if (m.role !== 'banner' || topSeen) continue;
    if (m.start < firstHeader) {
      m.role = 'top';
      topSeen = true;
    }
  }
  if (cable.paragraphs.length || cable.signature) {
    // The last banner after the body closes the cable.
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i].role === 'banner' && list[i].start > bodyEnd) {
        list[i].role = 'closing';
        break;
      }
    }
  }
  for (const s of statements) list.push(s);
  // Markings come in text order but for statements: most lists need no sort.
  if (!inOrder(list)) list.sort((a, b) => a.start - b.start);
  for (const c of cable.captions) {
    if (c.text === 'SENSITIVE' || c.text === 'SBU') {
      list.push({ start: c.start, end: c.end, level: 'SENSITIVE BUT UNCLASSIFIED', caveats: [], role: 'caption', text: c.text });
    }
  }
}

/**
 * Whether a messaging-system label is one of the trailer's, after the body (Signature, Drafted By, Cleared By,
 * Approved By, Released By, Attachments, Action Post, Dissemination Rule, XMT). Compared by length first:
 * every label is a new string, which a set would hash first.
 */
function isTrailerLabel(label: string): boolean {
  switch (label.length) {
    case 3:
      return label === 'XMT';
    case 9:
      return label === 'Signature';
    case 10:
      return label === 'Drafted By' || label === 'Cleared By';
    case 11:
      return label === 'Approved By' || label === 'Released By' || label === 'Attachments' || label === 'Action Post';
    case 18:
      return label === 'Dissemination Rule';
    default:
      return false;
  }
}

/** Whether spans are in order of their starts (a stable sort by start would leave them as they are). */
function inOrder(list: Span[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i].start < list[i - 1].start) return false;
  return true;
}

/** Whether a marking is classified (LOU and above; SBU is not). */
function isClassified(m: Marking): boolean {
  return levelRank(m.level) >= 1 && m.level !== 'SENSITIVE BUT UNCLASSIFIED';
}

/** The overall classification: the text header's, else the top line's, else the closing line's, else any banner's or statement's. */
function decideClassification(cable: Cable) {
  const by = (role: Marking['role']) => cable.markings.find((m) => m.role === role);
  const overall = by('text-header') ?? by('top') ?? by('closing') ?? by('banner') ?? by('statement') ?? by('caption');
  cable.classification = overall;
  if (!overall) return;
  let level = overall.level;
  if (level === 'UNCLASSIFIED' && cable.markings.some((m) => m.level === 'SENSITIVE BUT UNCLASSIFIED')) level = 'SENSITIVE BUT UNCLASSIFIED';
  cable.level = level;
}

/** The cable's date, from its DTG, its readable messaging-system date `md`, or its MRN. */
function decideDate(cable: Cable, md: ReadableDate | undefined): CableDate | undefined {
  const contextYear = md?.year ?? cable.mrn?.year;
  const d = cable.dtg;
  if (d) {
    if (contextYear !== undefined && d.yearText?.length === 2) d.year = fullYear(d.yearText, contextYear);
    const iso = dtgIso(d);
    if (d.year !== undefined && d.month && (iso || !md)) return { year: d.year, month: d.month, day: iso ? d.day : undefined, iso, source: 'dtg' };
  }
  if (md) {
    // A damaged DTG beside a readable date: take the time from its last six digits when their day agrees.
    let iso: string | undefined;
    if (d && d.digits.length > 6) {
      const six = d.digits.slice(-6);
      const day = Number(six.slice(0, 2));
      const hour = Number(six.slice(2, 4));
      const minute = Number(six.slice(4, 6));
      if (day === md.day && hour < 24 && minute < 60) iso = `${md.year}-${String(md.month).padStart(2, '0')}-${six.slice(0, 2)}T${six.slice(2, 4)}:${six.slice(4, 6)}:00Z`;
    }
    return { year: md.year, month: md.month, day: md.day, iso, source: 'messaging-date' };
  }
  if (cable.mrn?.year !== undefined) return { year: cable.mrn.year, month: undefined, day: undefined, iso: undefined, source: 'mrn' };
  return undefined;
}

