/**
 * The syntax model of a file of cables: what the parser produces and every
 * feature (rules, extraction, outline, completion, hover) reads.
 *
 * Conventions:
 * - Every range is a {@link Span} of offsets into the original text, in UTF-16
 *   code units, end exclusive. Conversion to lines and columns happens only at
 *   the edge (see `text/lineIndex.ts`).
 * - Line numbers are zero-based.
 * - Anything a cable does not show is `undefined` (or an empty array); the
 *   parser never invents a value.
 * - A cable's model depends only on the text of its own segment.
 */
import type { LineIndex } from './text/lineIndex';
import type { Source } from './text/source';

/** A range of the text: offsets in UTF-16 code units, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Classification levels and handling levels, as printed in full. */
export type Level =
  | 'UNCLASSIFIED'
  | 'SENSITIVE BUT UNCLASSIFIED'
  | 'LIMITED OFFICIAL USE'
  | 'CONFIDENTIAL'
  | 'SECRET'
  | 'TOP SECRET';

/**
 * What a line is. A line's kind is the kind of the first thing on it: a line
 * that OCR ran together (a page header followed by TAGS and SUBJECT) is a
 * `page-header` line whose fields are still found and given their own spans.
 * A line that continues a field (an address list, a wrapped subject) has the
 * kind of that field.
 */
export type LineKind =
  | 'blank'
  /** Text outside any cable: an email that forwards one, a cover note. */
  | 'outside'
  /** FOIA release material: case-number stamps, RELEASED IN FULL, review authority, exemption codes. */
  | 'release-stamp'
  /** From:/Sent:/To:/Subject: of an email around a forwarded cable. */
  | 'email-header'
  /** A classification line or page banner (`CONFIDENTIAL`, `SECRET//NOFORN`, `C O N F I D E N T I A L`). */
  | 'classification'
  /** `PAGE 02 BRUSSE 03953 081041Z`, or its OCR fragments. */
  | 'page-header'
  /** A stray page number or mark (a lone `-` or bullet left by OCR). */
  | 'page-number'
  /** ACTION/INFO/ORIGIN distribution codes of a printed telegram (`INFO LOG-00 AF-01 ... /054W`). */
  | 'distribution'
  /** DRAFTED BY / APPROVED BY / clearance lines, and the drafter's block of a draft form. */
  | 'drafting'
  /** The message-control line (`-----3984BC 081042Z /38`). */
  | 'routing'
  /** Precedence prosign and date-time group (`O 081037Z APR 94 ZFF4`). */
  | 'dtg'
  | 'from'
  | 'to'
  | 'info'
  | 'xmt'
  /** The text header: classification, post and serial (`CONFIDENTIAL BRUSSELS 03953`). */
  | 'text-header'
  /** `SECTION 01 OF 03` on a line of its own. */
  | 'section'
  /** Handling captions (`NODIS`, `SIPDIS`, `EXDIS`). */
  | 'caption'
  /** Pass and FOR lines before the E.O. line (`PARIS FOR PERLOW`, `DEPT PLEASE PASS TO ...`). */
  | 'pass-line'
  | 'eo'
  | 'tags'
  | 'subject'
  | 'ref'
  | 'classified-by'
  /** A labelled field of a messaging-system cable (`MRN:`, `Date/DTG:`, `Drafted By:`...). */
  | 'field'
  /** The first line of a numbered paragraph. */
  | 'paragraph'
  /** The first line of a lettered or numbered subparagraph. */
  | 'subparagraph'
  /** Body text. */
  | 'text'
  | 'signature'
  /** `NNNN`, the end-of-message marker. */
  | 'end'
  /** `BT`, the break between heading and text. */
  | 'bt';

/** How a cable is laid out. */
export type Layout =
  /** A cable as a drafter types it: classification line, header fields, numbered paragraphs. */
  | 'draft'
  /** A printed telegram of the 1970s-1990s: page headers, distribution, DTG line, FM/TO/INFO. */
  | 'telegram'
  /** A messaging-system cable (2009 on): a block of labelled fields. */
  | 'messaging';

/** Where a classification marking stands in the cable. */
export type MarkingRole =
  /** The first classification line of a draft, or a banner before the first header. */
  | 'top'
  /** A banner at the top or bottom of a page. */
  | 'banner'
  /** The classification word of the text header. */
  | 'text-header'
  /** The classification line after the signature. */
  | 'closing'
  /** A statement such as `CONFIDENTIAL - ENTIRE TEXT.` */
  | 'statement'
  /** A handling caption that implies a level (`Captions: SENSITIVE`). */
  | 'caption';

/** A classification marking as printed. */
export interface Marking extends Span {
  level: Level;
  /** Control words after the level (`NOFORN`, `SBU`, `EXDIS`). */
  caveats: string[];
  role: MarkingRole;
  /** The marking as printed. */
  text: string;
}

/** A portion mark: `(C)`, `(SBU)`, `(S/NF)`. */
export interface PortionMark extends Span {
  /** The text inside the parentheses. */
  text: string;
  /** The level it names, or undefined when it names none (`(XYZ)`). */
  level: Level | undefined;
  caveats: string[];
}

/** A labelled field: its label and value ranges. */
export interface Field extends Span {
  /** The label as printed, without its colon (`Drafted By`, `SUBJECT`). */
  label: string;
  labelSpan: Span;
  /** The value, its lines joined by single spaces. */
  value: string;
  /** One span per line the value occupies. */
  valueSpans: Span[];
}

/** A page header of a printed telegram. */
export interface PageHeader extends Span {
  page: number;
  pageSpan: Span;
  /** The station as printed (six characters at most: `BRUSSE`, `STATE`). */
  post: string | undefined;
  postSpan: Span | undefined;
  serial: string | undefined;
  serialSpan: Span | undefined;
  /** The processing time (`081041Z`). */
  time: string | undefined;
}

/** A date-time group, whether well formed or not. */
export interface Dtg extends Span {
  /** As printed, with runs of spaces made single. */
  text: string;
  /** Precedence prosigns before it (`O`, `P R`). */
  prosigns: string[];
  prosignSpans: Span[];
  /** The digits before the zone letter as printed (six when well formed). */
  digits: string;
  digitsSpan: Span;
  day: number | undefined;
  hour: number | undefined;
  minute: number | undefined;
  /** The zone letter (`Z`). */
  zone: string;
  monthText: string | undefined;
  monthSpan: Span | undefined;
  /** 1-12, or undefined when the month is not a month. */
  month: number | undefined;
  yearText: string | undefined;
  yearSpan: Span | undefined;
  /** Four-digit year: a two-digit year is read in the cable's own context (MRN, readable date) or with the pivot 50. */
  year: number | undefined;
  /** A routing code after the year (`ZFF4`). */
  suffix: string | undefined;
}

/** The date a cable bears, and where it was read from. */
export interface CableDate {
  year: number;
  /** 1-12, when known. */
  month: number | undefined;
  day: number | undefined;
  /** ISO 8601 UTC (`1994-04-08T10:37:00Z`) when the whole DTG is valid, else undefined. */
  iso: string | undefined;
  source: 'dtg' | 'messaging-date' | 'mrn' | 'text-header';
}

/** An originator or addressee. */
export interface Addressee extends Span {
  /** The designation, normalised: upper case, single spaces, place last (`AMEMBASSY LONDON` for `LONDON, AMEMBASSY`). */
  designation: string;
  designationSpan: Span;
  /** As printed. */
  text: string;
  /** Precedence words after it (`NIACT`, `IMMEDIATE`). */
  precedence: string[];
  precedenceSpan: Span | undefined;
  /** The per-addressee transmission serial (`6354`). */
  serial: string | undefined;
  /** Office suffixes (`//J4//J5//`). */
  offices: string | undefined;
  /** A person, as messaging-system Info lists name (`Mellott, Joseph`). */
  person: boolean;
}

/** The E.O. line. */
export interface EoLine extends Span {
  labelSpan: Span;
  /** The label as printed (`E.O.`, or OCR's `E.0.`). */
  label: string;
  /** The order number (`12356`). */
  order: string | undefined;
  orderSpan: Span | undefined;
  /** Everything after the label (`12356: DECL: OADR`). */
  value: string;
  valueSpan: Span;
  /** What follows the order and its colon (`DECL: OADR`, `GDS`, `N/A`), if anything. */
  decl: string | undefined;
  declSpan: Span | undefined;
}

/** One entry of the TAGS line. */
export interface TagEntry extends Span {
  text: string;
  /** `code` for a TAGS code, `name` for a parenthesised personal name, `empty` for an entry with nothing in it. */
  kind: 'code' | 'name' | 'empty';
}

/** The TAGS line. */
export interface TagsLine extends Span {
  labelSpan: Span;
  /** The label as printed (`TAGS:`, `TAGS`). */
  label: string;
  valueSpan: Span;
  value: string;
  entries: TagEntry[];
}

/** The SUBJECT line, which may wrap. */
export interface Subject extends Field {
  portion: PortionMark | undefined;
}

/** One reference of the REF line. */
export interface Ref extends Span {
  /** `A`, `B`... when lettered. */
  letter: string | undefined;
  /** The reference without its letter (`STATE 127183`, `JOHNSON MCCULLEY TELCON OF 4/8`). */
  text: string;
  portion: PortionMark | undefined;
}

/** `SECTION 01 OF 03`. */
export interface Section extends Span {
  part: number;
  of: number;
}

/** The text header: classification, post and serial. */
export interface TextHeader extends Span {
  post: string | undefined;
  postSpan: Span | undefined;
  serial: string | undefined;
  serialSpan: Span | undefined;
}

/** The message reference number of a messaging-system cable (`10 BERLIN 1052`). */
export interface Mrn extends Span {
  year: number | undefined;
  post: string;
  serial: string;
}

/** A subparagraph: `A.`, `(A)`, `(1)`. */
export interface Subparagraph extends Span {
  /** As printed, without the period (`A`, `(A)`, `(1)`). */
  label: string;
  labelSpan: Span;
  /** `letter` for A/B/C, `number` for (1)/(2). */
  style: 'letter' | 'number';
  portion: PortionMark | undefined;
  /** Numbered subparagraphs under a lettered one: `A.` holds `(1)`, `(2)`. */
  subparagraphs: Subparagraph[];
}

/** A numbered paragraph, from its number to the start of the next paragraph or the end of the body. */
export interface Paragraph extends Span {
  /** The number, or undefined for the unnumbered text before the first number. */
  number: number | undefined;
  numberSpan: Span | undefined;
  portion: PortionMark | undefined;
  /** The first words of its text, for outlines. */
  preview: string;
  subparagraphs: Subparagraph[];
}

/** `BEGIN SUMMARY`, `END TEXT`, `QUOTE`, `UNQUOTE`... */
export interface BlockMarker extends Span {
  block: 'SUMMARY' | 'TEXT' | 'QUOTE' | 'COMMENT';
  edge: 'begin' | 'end';
  /** An opening that only implies a block (`SUMMARY:`, `TEXT FOLLOWS:`): it may close, but need not. */
  implicit: boolean;
}

/** A handling caption (`NODIS`, `SIPDIS`, `SENSITIVE`). */
export interface Caption extends Span {
  text: string;
}

/** One cable found in the file, with everything the parser read from it. */
export interface Cable extends Span {
  /** Zero-based position among the cables of the file. */
  index: number;
  startLine: number;
  /** Last line of the cable, inclusive. */
  endLine: number;
  layout: Layout;
  /** The marking taken as the overall classification, and its level (SBU when an UNCLASSIFIED cable is marked sensitive). */
  classification: Marking | undefined;
  level: Level | undefined;
  /** Every classification marking of the cable, release stamps excluded. */
  markings: Marking[];
  /** Whether FOIA release material stands inside the cable's segment (its bare `UNCLASSIFIED` lines are then release status). */
  released: boolean;
  section: Section | undefined;
  textHeader: TextHeader | undefined;
  mrn: Mrn | undefined;
  pageHeaders: PageHeader[];
  /** The cable's own DTG (the precedence line, or `Date/DTG:`). */
  dtg: Dtg | undefined;
  /** The readable date of a messaging-system cable (`Aug 03, 2010`). */
  messagingDate: string | undefined;
  date: CableDate | undefined;
  from: Addressee | undefined;
  to: Addressee[];
  info: Addressee[];
  xmt: Addressee[];
  /** Where each address list starts, for rules that need the label; `implied` for a draft form's precedence-first line, which has no TO. */
  addressLabels: { kind: 'from' | 'to' | 'info' | 'xmt'; span: Span; implied: boolean }[];
  captions: Caption[];
  eo: EoLine | undefined;
  tags: TagsLine | undefined;
  subject: Subject | undefined;
  refField: Field | undefined;
  refs: Ref[];
  classifiedBy: Field | undefined;
  /** The paragraphs of the body in order; unnumbered text before the first number is a paragraph with no number. */
  paragraphs: Paragraph[];
  blocks: BlockMarker[];
  signature: Field | undefined;
  endMarker: Span | undefined;
  /** Every labelled field (messaging-system fields and header fields), in order. */
  fields: Field[];
}

/** A run of lines that is one cable, or text outside every cable. */
export interface Segment extends Span {
  kind: 'cable' | 'outside';
  startLine: number;
  endLine: number;
  /** The cable, for a `cable` segment. */
  cable: Cable | undefined;
}

/** The result of parsing a whole file. */
export interface ParsedDocument {
  /** The text parsed: a string, or an editor's rope. */
  text: Source;
  lines: LineIndex;
  /** One kind per line. */
  lineKinds: LineKind[];
  /** Cable and outside segments, in order, covering every line exactly once. */
  segments: Segment[];
  cables: Cable[];
}
