// Source of syntaxes/cable.tmLanguage.json, the TextMate grammar of cables (scopeName source.cable).
// The JSON is generated from this file so that the shared fragments (levels, caveats, labels) are
// written once: edit this file, then run
//   node syntaxes/cable.tmLanguage.src.mjs           (rewrites the JSON)
//   node syntaxes/cable.tmLanguage.src.mjs --check   (exits 1 when the JSON is out of date)
// and npm run test:grammar. Keep every regex linear on a long line: no nested repetition that can
// match the same text two ways (use atomic groups), no `captures` with `patterns` on rules that can
// match many times in a line (vscode-textmate copies the line prefix for each), and anchor
// line-start rules with \G inside a `gate` (Oniguruma tries ^ at every position, \G at one).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const r = String.raw;

// ---- Shared fragments ---------------------------------------------------------------
/** Line start: the line's first character, or (inside a page-header rule) just after the header. */
const LS = r`\G(?>[ \t\f\x{FEFF}]*)`;

/**
 * A zero-width rule at the start of every line. The rules it holds are anchored with \G, so they are
 * tried at the line start only: Oniguruma finds \G at once but tries ^ at every position of a long line.
 * It ends (zero-width) as soon as the position moves on.
 */
const gate = (patterns) => ({ begin: '^', end: r`(?!\G)`, patterns });

/** Level words and the scope suffix of each (SBU and LIMITED OFFICIAL USE are both "sensitive", as in the server's semantic tokens). */
const LEVEL = [
  ['sensitive', r`SENSITIVE[ \t]+BUT[ \t]+UNCLASSIFIED`],
  ['sensitive', r`LIMITED[ \t]+OFFICIAL[ \t]+USE`],
  ['confidential', r`C[ \t]?[O0][ \t]?N[ \t]?F[ \t]?[I1l][ \t]?[DO0][ \t]?E[ \t]?N[ \t]?T[ \t]?[I1l][ \t]?A[ \t]?L`],
  ['top-secret', r`T[ \t]?O[ \t]?P[ \t]+S[ \t]?E[ \t]?C[ \t]?R[ \t]?E[ \t]?T`],
  ['secret', r`S[ \t]?E[ \t]?C[ \t]?R[ \t]?E[ \t]?T`],
  ['unclassified', r`U[ \t]?N[ \t]?C[ \t]?L[ \t]?A[ \t]?S(?:[ \t]?S[ \t]?I[ \t]?F[ \t]?I[ \t]?E[ \t]?D)?`],
];
const LEVEL_ANY = `(?:${LEVEL.map(([, re]) => re).join('|')})`;

const CAVEAT_WORDS = r`NOFORN|NF|NODIS|EXDIS|LIMDIS|STADIS|SIPDIS|SBU|SENSITIVE(?![ \t]+BUT)|ORCON|PROPIN|NOCONTRACT|CHEROKEE|ROGER|EYES[ \t]+ONLY|DISSENT[ \t]+CHANNEL|MEDICAL|MED|INFORM|CONSULAR`;
/** Control words after a level: `//NOFORN`, `//REL TO USA, GBR`, ` NOFORN`. Atomic, so a failing line never backtracks into it. */
const CAVEATS = r`(?>[ \t]*/{1,2}[ \t]*[A-Z0-9][A-Z0-9,-]*(?:[ \t][A-Z0-9][A-Z0-9,-]*)*|[ \t]+(?:` + CAVEAT_WORDS + r`)(?![A-Za-z0-9]))*`;

const PRECEDENCE = r`NIACT[ \t]+IMMEDIATE|FLASH|IMMEDIATE|PRIORITY|ROUTINE`;
const MONTH = r`JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC`;
const DIST_CODE = r`[A-Z0-9][A-Z0-9/]{0,7}-\d{2}(?![A-Z0-9-])`;
const HANDLING = r`NODIS|EXDIS|LIMDIS|STADIS|NOFORN|SIPDIS|CHEROKEE|ROGER`;

/** How a State post or other addressee starts (to tell an address line from prose that starts with TO or INFO). */
const DESIGNATION_START = r`(?:[A-Z]{4,6}/)?(?:SECSTATE|AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|USINT|USLO|USOFFICE|USDEL|USEU|USNATO|USUN|USCINC[A-Z]*|CINC[A-Z]+|COMUS[A-Z]+|USDAO|ALL(?:[ \t]+[A-Z]+){0,3}[ \t]+(?:POSTS|CAPITALS|COLLECTIVE)|[A-Z]+(?:[ \t]+[A-Z]+){0,4}[ \t]+COLLECTIVE|[A-Z]+(?:[ \t]+[A-Z]+)?[ \t]+WASHDC)(?![A-Za-z])`;

/** Labels of the messaging-system layout that may end a multi-line value. */
const MSG_LABELS = r`MRN|Date[/!lI1|]D[TI1]G|DTG|From|Action|Info|XMT|E\.O\.|TAGS|Captions|Pass[ \t]+Line|Subject|Reference|Signature|Drafted[ \t]+By|Cleared[ \t]+By|Approved[ \t]+By|Released[ \t]+By|Attachments|Action[ \t]+Post|Dissemination[ \t]+Rule|Action[ \t]+Office|Info[ \t]+Office|Sent|To|Cc`;

const EO_LABEL = r`E[ \t]?[.,][ \t]?[O0D](?:[ \t]?[.,])?(?=[ \t]*[:;]|[ \t]*\d{5}|[ \t]+(?:DECL|N/?A\b|GDS|ADS|XGDS|OADR))|EO(?=[ \t]+\d{5})`;

/** A line that ends a header block: a field label, a paragraph, a text header... */
const BLOCK_BREAK = r`(?:\d{1,3}[ \t]?\.|E[ \t]?[.,][ \t]?[O0D][ \t]?[.,]?[ \t]*[:;\d]|EO[ \t]+\d|TAGS\b|SUBJ|REF|Reference|Classified|CLASSIFIED|(?:` + MSG_LABELS + r`)[ \t]*:|PAGE[ \t]+\d|` + LEVEL_ANY + r`|RELEASED?[ \t]+IN|[^\n]*Case[ \t]*No)`;

// ---- Rules --------------------------------------------------------------------------
const repo = {};

repo['classification-words'] = {
  comment: 'A classification level, plain, spaced (C O N F I D E N T I A L) or OCR-damaged (C0N F I0E N T I A L). Upper case only: mixed-case "Secret" is prose.',
  patterns: LEVEL.map(([name, re]) => ({
    match: `(?<![A-Za-z0-9])(?:${re})(?![A-Za-z0-9])`,
    name: `keyword.other.classification.${name}.cable`,
  })),
};

repo['caveats'] = {
  patterns: [
    { match: r`/{1,2}`, name: 'punctuation.separator.caveat.cable' },
    { match: r`(?<![A-Za-z0-9])[A-Z0-9][A-Z0-9,-]*(?:[ \t][A-Z0-9][A-Z0-9,-]*)*`, name: 'keyword.other.caveat.cable' },
  ],
};

repo['marking'] = {
  comment: 'A level with its control words (inside captures).',
  patterns: [
    { include: '#classification-words' },
    { include: '#caveats' },
  ],
};

repo['release-stamp'] = {
  comment: 'FOIA release material: not part of the cable (mirrors the lexer\'s STAMP_PATTERNS).',
  patterns: [
    { match: LS + r`(?=[^\n]*Case[ \t]*No\.?[ \t]*[A-Z]?-?\d{2,4}-\d)(.*)$`, captures: { 1: { name: 'comment.line.release-stamp.cable' } } },
    { match: LS + r`((?:RELEASED?[ \t]+IN[ \t]+(?:FULL|PART)\b|RELEASED?[ \t]+IN[ \t]*$|(?i:review[ \t]+authority[ \t]*:|date/case[ \t]+id[ \t]*:)).*)$`, captures: { 1: { name: 'comment.line.release-stamp.cable' } } },
    { match: LS + r`((?:FULL|PART)(?:[ \t]+B\d.*)?|UNITED STATES DEPARTMENT OF STATE|DECLASSIFIED(?:[ \t]+AUTHORITY.*)?)[ \t]*$`, captures: { 1: { name: 'comment.line.release-stamp.cable' } } },
    { match: LS + r`(?=[^\n]*(?i:declassified/released[ \t]+us[ \t]+department[ \t]+of[ \t]+state|eo[ \t]+systematic[ \t]+review))(.*)$`, captures: { 1: { name: 'comment.line.release-stamp.cable' } } },
    { match: LS + r`((?i:classified[ \t]+by[ \t]+[^\n]*\b(?:dept\.?[ \t]+of[ \t]+state|a/gis|ips)\b|declassify[ \t]+on[ \t]*:|reason[ \t]*:[ \t]*1\.[45]).*)$`, captures: { 1: { name: 'comment.line.release-stamp.cable' } } },
    { match: LS + r`((?>(?i:b[ \t]?\d|b\(\d\)|\(b\)[ \t]?\(\d\)|1\.4[ \t]*\(?[a-h]\)?)[ \t,;]*)+)$`, captures: { 1: { name: 'comment.line.release-stamp.cable' } } },
  ],
};

repo['margin-exemptions'] = {
  comment: 'FOIA exemption codes printed in the right margin of a text line (B5, B6, 1.4(B)).',
  match: r`(?<=[ \t]{4})((?>(?:B\d|B\(\d\)|\(b\)[ \t]?\(\d\)|1\.4[ \t]*\([A-Ha-h]\))[ \t,;]*)+)$`,
  captures: { 1: { name: 'comment.line.release-stamp.cable' } },
};

repo['email-header'] = {
  comment: 'Email headers around forwarded cables: release material, de-emphasised like the stamps (as the server\'s semantic tokens do); an email\'s Subject: is not the cable\'s. Opens at a From: naming a person or address, or at Sent:/To:/Cc:; ends at a blank line.',
  begin: r`\G(?=(?>[ \t\f]*)(?:From[ \t]*:(?=[^\n]*[a-z@])|(?:Sent|To|Cc|Bcc)[ \t]*:))`,
  end: r`^(?=(?>[ \t\f]*)$)`,
  name: 'meta.email-header.cable',
  patterns: [
    gate([
      { include: '#release-stamp' },
      {
        match: LS + r`(((?:From|Sent|To|Cc|Bcc|Subject|Attachments|Importance|Date)(?:[ \t]*:)?)(?=[ \t]|$).*)$`,
        captures: { 1: { name: 'comment.line.release-stamp.cable' }, 2: { name: 'meta.label.email.cable' } },
      },
      { match: LS + r`(\S.*)$`, captures: { 1: { name: 'comment.line.release-stamp.cable' } } },
    ]),
  ],
};

repo['page-header'] = {
  comment: 'PAGE 02 BRUSSE 03953 081041Z: a printed page header, de-emphasised. OCR may run the next field onto the same line, so line-start items may follow it.',
  begin: LS + r`(PAGE[ \t]+\d{1,3}(?!\d)(?![ \t]+OF\b)(?:[ \t]+[A-Z]{2,6}(?![A-Za-z0-9:;/-]))?(?:[ \t]+\d{4,6}(?!\d))?(?:[ \t]+\d{6}Z(?![A-Za-z0-9]))?)`,
  beginCaptures: { 1: { name: 'comment.line.page-header.cable' } },
  end: '$',
  patterns: [{ include: '#line-items' }, { include: '#inline' }],
};

repo['page-fragment'] = {
  comment: 'What OCR leaves of a page header on its own line: KAMPAL 04180 251227Z, STATE 042975.',
  match: LS + r`((?:[A-Z]{2,6}[ \t]+\d{4,6}[ \t]+\d{6}Z|STATE[ \t]+\d{6}))[ \t]*$`,
  captures: { 1: { name: 'comment.line.page-header.cable' } },
};

repo['distribution'] = {
  comment: 'ACTION EUR-01, ORIGIN IO-10, INFO LOG-00 AF-01 … /054W and their continuation lines: office distribution, de-emphasised.',
  patterns: [
    { match: LS + r`((?:ACTION|ORIGIN|INFO)[ \t]+` + DIST_CODE + r`.*)$`, captures: { 1: { name: 'comment.line.distribution.cable' } } },
    { match: LS + r`((?:INFO|` + DIST_CODE + r`)(?>[ \t]+(?:` + DIST_CODE + r`|INFO))*(?:[ \t]+/\d{2,4}[ \t]?[A-Z]?)?|/\d{2,4}[ \t]?[A-Z]?)[ \t]*$`, captures: { 1: { name: 'comment.line.distribution.cable' } } },
  ],
};

repo['routing'] = {
  comment: 'Message-control line (------3984BC 081042Z /38) and transmission identification (VZCZC…), de-emphasised.',
  patterns: [
    { match: LS + r`(-{3,}[ \t]*[0-9A-Z]*(?:[ \t]+\d{6}Z)?(?:[ \t]+/\d{1,3})?|[0-9A-F]{6}[ \t]+\d{6}Z[ \t]+/\d{1,3}|VZCZ[A-Z]+\d*)`, captures: { 1: { name: 'comment.line.routing.cable' } } },
    {
      comment: 'ACP 127 transmission header lines: routing indicators (PP RUEHAG RUEHROV), station serial (DE RUEHGB #2987/01 2621433), security warning (ZNY CCCCC ZZH).',
      match: LS + r`((?:ZZ|OO|PP|RR)(?:[ \t]+R[A-Z0-9]{3,6})+|DE[ \t]+R[A-Z0-9]{3,6}[ \t]+#\d+(?:/\d+)?(?:[ \t]+\d{7})?|ZN[RY][ \t]+(?:UUUUU|CCCCC|SSSSS|TTTTT)(?:[ \t]+ZZH)?)[ \t]*$`,
      captures: { 1: { name: 'comment.line.routing.cable' } },
    },
  ],
};

repo['drafting'] = {
  comment: 'DRAFTED BY / APPROVED BY / CLEARED BY / RELEASED BY in printed Department telegrams.',
  match: LS + r`((?:DRAFTED|APPROVED|CLEARED|RELEASED)[ \t]+BY)\b`,
  captures: { 1: { name: 'keyword.other.field.cable' } },
};

repo['end-marks'] = {
  patterns: [
    { match: LS + r`(N{3,4}[A-Z]*|<<[ \t]?END OF DOCUMENT[ \t]?>>)[ \t]*$`, captures: { 1: { name: 'keyword.control.end.cable' } } },
    { match: LS + r`(BT)[ \t]*$`, captures: { 1: { name: 'keyword.control.break.cable' } } },
  ],
};

repo['precedence'] = { match: `(?<![A-Za-z0-9])(?:${PRECEDENCE})(?![A-Za-z0-9])`, name: 'keyword.control.precedence.cable' };

const ADDRESS_ITEMS = [
  { match: r`(?<![A-Za-z0-9/])(?<!PASS )(FM|TO|INFO|XMT)(?=[ \t]+[A-Z])`, name: 'keyword.other.field.cable' },
  { include: '#precedence' },
  { match: r`//(?:(?!(?:` + PRECEDENCE + r`)(?![A-Za-z0-9]))[A-Z0-9][A-Z0-9 /.-]*?(?=//))?`, name: 'entity.name.office.cable' },
  { match: r`(?<![A-Za-z0-9])\d{1,6}(?![A-Za-z0-9])`, name: 'constant.numeric.serial.cable' },
  {
    match: r`(?<![A-Za-z0-9'])(?!(?:FM|TO|INFO|XMT|NIACT|FLASH|IMMEDIATE|PRIORITY|ROUTINE)(?![A-Za-z0-9]))[A-Z][A-Z0-9.'&()-]*(?:/(?!/)[A-Z0-9.'&()-]+)*(?>[ \t]+(?!(?:FM|TO|INFO|XMT|NIACT|FLASH|IMMEDIATE|PRIORITY|ROUTINE)(?![A-Za-z0-9]))[A-Z][A-Z0-9.'&()-]*(?:/(?!/)[A-Z0-9.'&()-]+)*)*`,
    name: 'entity.name.post.cable',
  },
];

repo['address-list-items'] = {
  comment: 'Inside FM/TO/INFO lists: keywords, designations, precedences, serials, //office// suffixes; at a line start also banners, page headers and release stamps.',
  patterns: [gate([{ include: '#release-stamp' }, { include: '#page-header' }, { include: '#banner' }, ...ADDRESS_ITEMS]), ...ADDRESS_ITEMS],
};

repo['address-block'] = {
  comment: 'FM/TO/INFO/XMT address lists, which may run over several lines and across page breaks. FM opens a list before a designation or a short line of capitals; TO/INFO/XMT only before a designation, so prose lines that start with TO stay prose. The list ends at the first line that is not an addressee, a banner, a page header or a release stamp.',
  begin: LS + r`(?:(FM)(?=[ \t]+(?:` + DESIGNATION_START + r`|[A-Z][A-Z0-9/.'&()-]*(?:[ \t]+[A-Z0-9][A-Z0-9/.'&()-]*){0,5}[ \t]*$))|(TO|INFO|XMT)(?=[ \t]+` + DESIGNATION_START + r`))`,
  beginCaptures: { 1: { name: 'keyword.other.field.cable' }, 2: { name: 'keyword.other.field.cable' } },
  end: r`^(?!(?>[ \t\f]*)(?:$|PAGE[ \t]+\d|` + LEVEL_ANY + CAVEATS + r`[ \t]*$|[^\n]*Case[ \t]*No|(?:FM|TO|INFO|XMT)[ \t]|(?!` + LEVEL_ANY + r`|` + BLOCK_BREAK + r`|(?:` + HANDLING + r`)[ \t]*$|BT[ \t]*$|N{3,4}[A-Z]*[ \t]*$|SECTION[ \t]+\d)[A-Z][A-Z0-9 \t./,'&()-]*$))`,
  name: 'meta.address-list.cable',
  patterns: [{ include: '#address-list-items' }],
};

repo['precedence-first'] = {
  comment: 'A Department draft addressed precedence first: ROUTINE ALDAC, DAMASCUS.',
  match: LS + r`(` + PRECEDENCE + r`)[ \t]+((?:ALDAC|ALL[ \t]|[A-Z]{3,}(?>[A-Z ]*),)(?>[A-Z ,]*))$`,
  captures: { 1: { name: 'keyword.control.precedence.cable' }, 2: { name: 'entity.name.post.cable' } },
};

repo['dtg'] = {
  comment: 'Date-time groups: the precedence-and-DTG line (O 081037Z APR 94 ZFF4) and DTGs anywhere (031406Z AUG 10).',
  patterns: [
    {
      match: r`(?<![A-Za-z0-9/])([ZOPR])(?:[ \t]+([ZOPR]))?[ \t]+(\d{6}[Z2][ \t]+(?:` + MONTH + r`)(?:[ \t]+(?:\d{4}|\d{2}))?)(?![A-Za-z0-9])(?:[ \t]+(ZFF-?\d?|ZEN|ZUI)(?![A-Za-z0-9]))?`,
      captures: {
        1: { name: 'keyword.control.precedence.cable' },
        2: { name: 'keyword.control.precedence.cable' },
        3: { name: 'constant.numeric.dtg.cable' },
        4: { name: 'support.constant.operating-signal.cable' },
      },
    },
    { match: r`(?<![A-Za-z0-9])\d{6}Z(?:[ \t]+(?:` + MONTH + r`)(?:[ \t]+(?:\d{4}|\d{2}))?)?(?![A-Za-z0-9])`, name: 'constant.numeric.dtg.cable' },
  ],
};

repo['eo-values'] = {
  patterns: [
    { match: r`(?<![A-Za-z0-9])(?:DECL(?:AS)?|Decl)(?![A-Za-z0-9])`, name: 'keyword.other.declassification.cable' },
    { match: r`(?<![A-Za-z0-9/])\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?![A-Za-z0-9])`, name: 'constant.numeric.date.cable' },
    { match: r`(?<![A-Za-z0-9])(?:OADR|N/?A|GDS|ADS|XGDS-?\d?|RDS-\d(?:,\d)*|XDS-\d|25X\d|1\.6X\d|X\d)(?![A-Za-z0-9])`, name: 'constant.language.declassification.cable' },
  ],
};

repo['eo'] = {
  comment: 'E.O. 12356: DECL: OADR, E.O. 12958: N/A, E.O.: 13526 (also OCR E.0. / E. D.). A banner glued to the end of the line is a banner.',
  begin: LS + r`(` + EO_LABEL + r`)([ \t]*[:;])?`,
  beginCaptures: { 1: { name: 'keyword.other.field.cable' }, 2: { name: 'keyword.other.field.cable' } },
  end: '$',
  name: 'meta.field.eo.cable',
  patterns: [
    { match: r`(?<=[ \t])(` + LEVEL_ANY + r`)(?=[ \t]*$)`, captures: { 1: { patterns: [{ include: '#classification-words' }] } } },
    { match: r`(?<![A-Za-z0-9])\d{5}(?![A-Za-z0-9])`, name: 'constant.numeric.eo-order.cable' },
    { include: '#eo-values' },
  ],
};

const TAG_ITEMS = [
  { match: r`(?<=[ \t])(` + LEVEL_ANY + r`)(?=[ \t]*$)`, captures: { 1: { patterns: [{ include: '#classification-words' }] } } },
  { match: r`(\()([^()\n]*)(\))`, captures: { 1: { name: 'punctuation.definition.person.begin.cable' }, 2: { name: 'entity.name.person.cable' }, 3: { name: 'punctuation.definition.person.end.cable' } } },
  { match: r`(?<![A-Za-z0-9])[A-Za-z0-9][A-Za-z0-9/-]*`, name: 'constant.language.tag.cable' },
  { match: ',', name: 'punctuation.separator.tag.cable' },
];

repo['readable-date'] = { match: r`(?<![A-Za-z])(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2},?[ \t]+\d{4}`, name: 'constant.numeric.date.cable' };

repo['tags'] = {
  comment: 'TAGS: PGOV, PREL, KDEM, IZ. OCR may run SUBJECT: onto the same line.',
  begin: LS + r`(TAGS(?:[ \t]*[:;]|(?=[ \t]+[A-Z0-9]{2,6}[ \t]*,)))`,
  beginCaptures: { 1: { name: 'keyword.other.field.cable' } },
  end: '$',
  name: 'meta.field.tags.cable',
  patterns: [{ include: '#subject-inline' }, ...TAG_ITEMS],
};

const SUBJECT_VALUE = [
  { match: r`\G[ \t]*(\((?:[A-Z]{1,3}(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})*)\))`, captures: { 1: { patterns: [{ include: '#portion-mark' }] } } },
];

repo['subject-inline'] = {
  comment: 'A SUBJECT: run onto another field\'s line (TAGS: … SUBJECT: …): it ends with the line.',
  begin: r`(?<=[ \t])(SUBJECT[ \t]*[:;]|SUBJ[ \t]*[:;.])`,
  beginCaptures: { 1: { name: 'keyword.other.field.cable' } },
  end: '$',
  contentName: 'markup.heading.subject.cable',
  name: 'meta.field.subject.cable',
  patterns: SUBJECT_VALUE,
};

repo['subject'] = {
  comment: 'SUBJECT:/SUBJ:/Subject: and its wrapped continuation lines (until a blank line or the next field).',
  begin: LS + r`(SUBJECT[ \t]*[:;]|SUBJ[ \t]*[:;.]|Subject[ \t]*:)`,
  beginCaptures: { 1: { name: 'keyword.other.field.cable' } },
  end: r`^(?=(?>[ \t\f]*)(?:$|` + BLOCK_BREAK + r`|\(?[A-Z]\)[ \t]|[A-Z]\.[ \t]))`,
  contentName: 'markup.heading.subject.cable',
  name: 'meta.field.subject.cable',
  patterns: [...SUBJECT_VALUE, gate([{ include: '#release-stamp' }, { include: '#page-header' }, { include: '#banner' }])],
};

const REF_ITEMS = [
  { match: r`(?<![A-Za-z0-9.])(?:\([A-Z]\)|[A-Z][.)])(?=[ \t])`, name: 'constant.character.reference-letter.cable' },
  { include: '#dtg' },
  {
    match: r`(?<![A-Za-z0-9])(?:(\d{2})[ \t]+)?([A-Z][A-Z]+(?:[ \t]+[A-Z]+){0,3})[ \t]+(\d{2,6})(?![A-Za-z0-9/])`,
    captures: { 1: { name: 'constant.numeric.serial.cable' }, 2: { name: 'entity.name.post.cable' }, 3: { name: 'constant.numeric.serial.cable' } },
  },
  { include: '#portion-mark-unambiguous' },
];

repo['ref'] = {
  comment: 'REF: A) BAGHDAD 2712 B) STATE 97431, over several lines; Reference: in messaging cables.',
  begin: LS + r`(?:((?:REFS?|REFTELS?|REFERENCES?)[ \t]*[:;]|Reference[ \t]*:|Ref[ \t]*:)|(REFS?)(?=[ \t]+(?:[A-Z][.)]|\([A-Z]\)|\d{2}[ \t]+[A-Z]|[A-Z]{3,}[ \t]+\d)))`,
  beginCaptures: { 1: { name: 'keyword.other.field.cable' }, 2: { name: 'keyword.other.field.cable' } },
  end: r`^(?=(?>[ \t\f]*)(?:$|` + BLOCK_BREAK + r`|SUMMARY|BEGIN|` + LEVEL_ANY + r`))`,
  name: 'meta.field.ref.cable',
  patterns: [gate([{ include: '#release-stamp' }, { include: '#page-header' }, ...REF_ITEMS]), ...REF_ITEMS],
};

repo['classified-by'] = {
  comment: 'CLASSIFIED BY: / Classified By: and the Reason 1.4 (b) and (d) that follows.',
  begin: LS + r`(CLASSIFIED[ \t]+BY[ \t]*:?|Classified[ \t]+[Bb]y[ \t]*:)`,
  beginCaptures: { 1: { name: 'keyword.other.field.cable' } },
  end: '$',
  name: 'meta.field.classified-by.cable',
  patterns: [{ include: '#reason' }],
};

const REASON = r`(REASONS?|Reasons?)[ \t]*:?[ \t]*(1\.[45](?:[ \t]*(?:\(?[A-Ha-h](?:[ \t]*[/,][ \t]*[A-Ha-h])*\)|,|and|AND|&)){0,16})`;
const REASON_CAPTURES = { 1: { name: 'keyword.other.field.cable' }, 2: { name: 'constant.other.reason.cable' } };

repo['reason'] = { match: r`(?<![A-Za-z0-9])` + REASON, captures: REASON_CAPTURES };

repo['reason-line'] = {
  comment: 'The Reason line continuing a Classified By: line.',
  match: LS + REASON,
  captures: REASON_CAPTURES,
};

const MSG_LIST_ITEMS = [
  { include: '#precedence' },
  { match: ';', name: 'punctuation.separator.addressee.cable' },
  {
    comment: 'A designation: words in capitals (WASHDC, SECSTATE; USUN NEW YORK, USMISSION). People (Mellott, Joseph) are written in mixed case and stay plain, as in the server.',
    match: r`(?<![A-Za-z0-9'(/])(?!(?:NIACT|FLASH|IMMEDIATE|PRIORITY|ROUTINE)(?![A-Za-z0-9]))[A-Z][A-Z0-9_.'&/-]+(?=[ \t,;]|$)(?>(?:,?[ \t]+|,)(?!(?:NIACT|FLASH|IMMEDIATE|PRIORITY|ROUTINE)(?![A-Za-z0-9]))[A-Z][A-Z0-9_.'&/-]+(?=[ \t,;]|$))*`,
    name: 'entity.name.post.cable',
  },
];
const MSG_LIST_VALUE = [gate([{ include: '#release-stamp' }, ...MSG_LIST_ITEMS]), ...MSG_LIST_ITEMS];

repo['messaging-fields'] = {
  comment: 'The messaging-system (SMART) field block: a label at the start of a line, with its colon. Mixed-case words elsewhere are prose.',
  patterns: [
    {
      comment: 'Action:/Info:/XMT: lists: place first, then office, then the precedence; several separated by ;.',
      begin: LS + r`((?:Action|Info|XMT)[ \t]*:)`,
      beginCaptures: { 1: { name: 'keyword.other.field.cable' } },
      end: r`^(?=(?>[ \t\f]*)(?:$|(?:` + MSG_LABELS + r`)[ \t]*:))`,
      name: 'meta.field.addressees.cable',
      patterns: MSG_LIST_VALUE,
    },
    {
      match: LS + r`(From[ \t]*:)(?:[ \t]*([A-Z][A-Z0-9.'&/-]*(?>[ \t]+[A-Z0-9][A-Z0-9.'&/-]*)*))?[ \t]*$`,
      captures: { 1: { name: 'keyword.other.field.cable' }, 2: { name: 'entity.name.post.cable' } },
    },
    {
      match: LS + r`(MRN[ \t]*:)[ \t]*(?:(\d{2})[ \t]+([A-Z][A-Z.'-]*(?>[ \t]+[A-Z][A-Z.'-]*)*)[ \t]+(\d{1,6})(?![A-Za-z0-9]))?`,
      captures: { 1: { name: 'keyword.other.field.cable' }, 2: { name: 'constant.numeric.serial.cable' }, 3: { name: 'entity.name.post.cable' }, 4: { name: 'constant.numeric.serial.cable' } },
    },
    {
      begin: LS + r`((?:Date[/!lI1|]D[TI1]G|DTG)[ \t]*:)`,
      beginCaptures: { 1: { name: 'keyword.other.field.cable' } },
      end: '$',
      name: 'meta.field.date.cable',
      patterns: [
        { include: '#readable-date' },
        { include: '#dtg' },
      ],
    },
    {
      begin: LS + r`(Captions[ \t]*:)`,
      beginCaptures: { 1: { name: 'keyword.other.field.cable' } },
      end: '$',
      patterns: [{ match: r`(?<![A-Za-z0-9])[A-Z][A-Z0-9_]*(?:[ \t]+[A-Z][A-Z0-9_]*)*`, name: 'keyword.other.caveat.cable' }],
    },
    {
      match: LS + r`(Signature[ \t]*:)[ \t]*(\S(?:.*\S)?)?[ \t]*$`,
      captures: { 1: { name: 'keyword.other.field.cable' }, 2: { name: 'entity.name.signature.cable' } },
    },
    {
      match: LS + r`((?:Pass[ \t]+Line|Drafted[ \t]+By|Cleared[ \t]+By|Approved[ \t]+By|Released[ \t]+By|Attachments|Action[ \t]+Post|Dissemination[ \t]+Rule|Action[ \t]+Office|Info[ \t]+Office|Declassify[ \t]+On)[ \t]*:)`,
      captures: { 1: { name: 'keyword.other.field.cable' } },
    },
  ],
};


/** A messaging label alone on its line, its value on the next non-blank line (how OCR lays out some two-column blocks). */
function split(label, valuePatterns, contentName) {
  const rule = {
    begin: LS + `(${label}[ \\t]*:)[ \\t]*\\n`,
    beginCaptures: { 1: { name: 'keyword.other.field.cable' } },
    end: r`(?<=[A-Za-z0-9.)])[ \t]*$|^(?=(?>[ \t\f]*)(?:` + MSG_LABELS + r`|MRN|Signature)[ \t]*:)`,
    patterns: [
      gate([{ match: LS + r`(?=[^\n]*Case[ \t]*No\.?[ \t]*[A-Z]?-?\d{2,4}-\d)(.*)\n`, captures: { 1: { name: 'comment.line.release-stamp.cable' } } }, ...valuePatterns]),
      ...valuePatterns,
    ],
  };
  if (contentName) rule.contentName = contentName;
  return rule;
}

repo['messaging-split-fields'] = {
  comment: 'Messaging labels alone on a line, their value on the next non-blank line (golden fixture 12). The value ends with its line, or before the next label.',
  patterns: [
    split('TAGS', TAG_ITEMS.slice(1)),
    split('Subject', [...SUBJECT_VALUE], 'markup.heading.subject.cable'),
    split('From', [{ match: r`[A-Z][A-Z0-9 .'&/-]*[A-Z0-9.]`, name: 'entity.name.post.cable' }]),
    split('(?:Action|Info|XMT)', MSG_LIST_VALUE),
    split(r`E\.O\.`, [{ match: r`(?<![A-Za-z0-9])\d{5}(?![A-Za-z0-9])`, name: 'constant.numeric.eo-order.cable' }, { include: '#eo-values' }]),
    split(r`(?:Date[/!lI1|]D[TI1]G|DTG)`, [{ include: '#readable-date' }, { include: '#dtg' }]),
    split('MRN', [{ match: r`(\d{2})[ \t]+([A-Z][A-Z.'-]*(?>[ \t]+[A-Z][A-Z.'-]*)*)[ \t]+(\d{1,6})(?![A-Za-z0-9])`, captures: { 1: { name: 'constant.numeric.serial.cable' }, 2: { name: 'entity.name.post.cable' }, 3: { name: 'constant.numeric.serial.cable' } } }]),
    split('Signature', [{ match: r`\S(?:.*\S)?`, name: 'entity.name.signature.cable' }]),
  ],
};

repo['text-header'] = {
  comment: 'The text header: classification, optional SECTION n OF m, post and serial (CONFIDENTIAL BRUSSELS 03953; C O N F I D E N T I A L SECTION 01 OF 03 BAGHDAD 001234; OCR\'s CONFIDENTIALKAMPALA 004180).',
  patterns: [
    {
      match: LS + r`(` + LEVEL_ANY + r`(?:[ \t]*/{1,2}[ \t]*[A-Z]+)*)(?:[ \t]+(SECTION[ \t]+\d{1,3}[ \t]+OF[ \t]+\d{1,3}))?(?:[ \t]+|(?=[A-Z]{3,}[ \t]+\d))(?!PAGE[ \t]|SECTION[ \t])([A-Z][A-Z.'-]*(?:[ \t][A-Z][A-Z.'-]*){0,3})[ \t]+(\d{2,6})(?!\d)((?:[ \t]+(?:` + HANDLING + r`))*)[ \t]*$`,
      name: 'meta.text-header.cable',
      captures: {
        1: { patterns: [{ include: '#marking' }] },
        2: { patterns: [{ include: '#section' }] },
        3: { name: 'entity.name.post.cable' },
        4: { name: 'constant.numeric.serial.cable' },
        5: { patterns: [{ match: '[A-Z]+', name: 'keyword.other.caveat.cable' }] },
      },
    },
    {
      match: LS + r`(` + LEVEL_ANY + r`)[ \t]+(SECTION[ \t]+\d{1,3}[ \t]+OF[ \t]+\d{1,3})[ \t]*$`,
      name: 'meta.text-header.cable',
      captures: { 1: { patterns: [{ include: '#classification-words' }] }, 2: { patterns: [{ include: '#section' }] } },
    },
  ],
};

repo['section'] = {
  patterns: [
    {
      match: r`(SECTION)[ \t]+(\d{1,3})[ \t]+(OF)[ \t]+(\d{1,3})`,
      captures: { 1: { name: 'keyword.other.section.cable' }, 2: { name: 'constant.numeric.section.cable' }, 3: { name: 'keyword.other.section.cable' }, 4: { name: 'constant.numeric.section.cable' } },
    },
  ],
};

repo['section-line'] = {
  comment: 'SECTION 01 OF 02 BAGHDAD 001234 on a line of its own.',
  match: LS + r`(SECTION[ \t]+\d{1,3}[ \t]+OF[ \t]+\d{1,3})(?:[ \t]+([A-Z][A-Z.'-]*(?:[ \t][A-Z][A-Z.'-]*){0,3})[ \t]+(\d{2,6})(?!\d))?[ \t]*$`,
  captures: { 1: { patterns: [{ include: '#section' }] }, 2: { name: 'entity.name.post.cable' }, 3: { name: 'constant.numeric.serial.cable' } },
};

repo['banner'] = {
  comment: 'A classification line or banner: the level and its control words alone on a line (SECRET//NOFORN, UNCLASSIFIED, SBU), perhaps with a page number or a far-right column after it.',
  patterns: [
    {
      match: LS + r`(` + LEVEL_ANY + CAVEATS + r`)(?:[ \t]{2,}(\d{1,3})|[ \t]{8,}(\S.*))?[ \t]*$`,
      name: 'meta.banner.cable',
      captures: { 1: { patterns: [{ include: '#marking' }] }, 2: { name: 'comment.line.page-number.cable' } },
    },
    { match: LS + r`(SBU)[ \t]*$`, name: 'meta.banner.cable', captures: { 1: { name: 'keyword.other.classification.sensitive.cable' } } },
  ],
};

repo['statement'] = {
  comment: 'CONFIDENTIAL - ENTIRE TEXT.',
  patterns: LEVEL.map(([name, re]) => ({
    match: r`(?<![A-Za-z0-9])(?:` + re + r`)(?=[ \t]*-[ \t]*ENTIRE[ \t]+TEXT)`,
    name: `keyword.other.classification.${name}.cable`,
  })),
};

repo['captions'] = {
  comment: 'Handling captions on a line of their own: NODIS, SIPDIS, EXDIS…',
  match: LS + r`((?:` + HANDLING + r`|EYES[ \t]+ONLY|DISSENT[ \t]+CHANNEL|USSALTTWO|SENSITIVE|SECTO|TOSEC)(?:[ \t]+(?:` + HANDLING + r`))*)[ \t]*$`,
  captures: { 1: { name: 'keyword.other.caveat.cable' } },
};

repo['portion-mark'] = {
  comment: 'A portion mark, scoped by level: (U), (SBU), (LOU), (C), (S), (TS), with caveats (S/NF).',
  patterns: [
    { match: r`\((?:U|UNCLAS)(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})*\)`, name: 'storage.modifier.portion.unclassified.cable' },
    { match: r`\((?:SBU|LOU)(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})*\)`, name: 'storage.modifier.portion.sensitive.cable' },
    { match: r`\((?:C)(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})*\)`, name: 'storage.modifier.portion.confidential.cable' },
    { match: r`\((?:S)(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})*\)`, name: 'storage.modifier.portion.secret.cable' },
    { match: r`\((?:TS)(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})*\)`, name: 'storage.modifier.portion.top-secret.cable' },
    { match: r`\([A-Z0-9]{1,5}(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})*\)`, name: 'storage.modifier.portion.cable' },
  ],
};

const PORTION_LEVELS = [
  ['unclassified', r`U|UNCLAS`],
  ['sensitive', r`SBU|LOU`],
  ['confidential', r`C`],
  ['secret', r`S`],
  ['top-secret', r`TS`],
];
const PORTION_CAVEATS = r`(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})`;

repo['portion-mark-unambiguous'] = {
  comment: 'Portion marks that cannot be list labels, anywhere in the text: (U), (SBU), (TS), (S/NF)… A bare (C) or (S) counts only after a paragraph number, a subparagraph label or a SUBJECT label. (No capture patterns: a rule that can match many times on a line must not re-tokenize captures, which copies the line prefix each time.)',
  patterns: PORTION_LEVELS.map(([name, re]) => ({
    match: r`(?<![A-Za-z0-9])\((?:` + re + r`)` + PORTION_CAVEATS + (name === 'confidential' || name === 'secret' ? '+' : '*') + r`\)`,
    name: `storage.modifier.portion.${name}.cable`,
  })),
};

const OPENER = r`(?:[ \t]*((?:BEGIN[ \t]+)?SUMMARY|Summary|COMMENT|Comment)(?=[ \t]*[:.]))?`;

repo['paragraph'] = {
  comment: 'A numbered paragraph at the start of a line, with its portion mark and a SUMMARY/COMMENT opener. A number before lower-case prose (3. million) is not a paragraph.',
  match: LS + r`(\d{1,3}[ \t]?\.)(?=[ \t]|\(|$)(?=[ \t]*(?:['\x60‘]?\(|[A-Z"'\[-]|“|$))(?:[ \t]*['\x60‘]?(\([A-Z0-9]{1,5}(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})*\)))?` + OPENER,
  captures: {
    1: { name: 'markup.list.numbered.cable' },
    2: { patterns: [{ include: '#portion-mark' }] },
    3: { name: 'keyword.control.block.cable' },
  },
};

repo['subparagraph'] = {
  comment: 'A., (A), A) and (1) at the start of a line, with an optional portion mark.',
  patterns: [
    {
      match: LS + r`((?:[A-Z]\.|\([A-Z]\)|[A-Z]\)))(?=[ \t]+\S)(?:[ \t]+(\([A-Z0-9]{1,5}(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})*\)))?`,
      captures: { 1: { name: 'markup.list.lettered.cable' }, 2: { patterns: [{ include: '#portion-mark' }] } },
    },
    {
      match: LS + r`(\(\d{1,2}\))(?=[ \t]+\S)(?:[ \t]+(\([A-Z0-9]{1,5}(?:[ \t]?/{1,2}[ \t]?[A-Z]{1,8})*\)))?`,
      captures: { 1: { name: 'markup.list.numbered.subparagraph.cable' }, 2: { patterns: [{ include: '#portion-mark' }] } },
    },
  ],
};

repo['blocks'] = {
  comment: 'BEGIN/END SUMMARY, TEXT, COMMENT; QUOTE/UNQUOTE; SUMMARY:/COMMENT: openers. Mixed case only as Begin/End + word (End Summary.).',
  patterns: [
    { match: r`(?<![A-Za-z0-9])(?:BEGIN|END)[ \t]+(?:SUMMARY|TEXT|COMMENT|QUOTE|NOTE)(?![A-Za-z0-9])`, name: 'keyword.control.block.cable' },
    { match: r`(?<![A-Za-z0-9])(?:Begin|End)[ \t]+(?:[Ss]ummary|[Tt]ext|[Cc]omment)(?![A-Za-z0-9])`, name: 'keyword.control.block.cable' },
    { match: r`(?<![A-Za-z0-9])(?:UNQUOTE|QUOTE)(?![A-Za-z0-9])`, name: 'keyword.control.block.cable' },
    { match: r`(?<![A-Za-z0-9])(?:SUMMARY|COMMENT)(?=[ \t]*:)`, name: 'keyword.control.block.cable' },
  ],
};

repo['line-items'] = {
  comment: 'Everything that is recognised at the start of a line (or right after a page header on the same line). Order matters: the first rule that matches at a position wins.',
  patterns: [
    { include: '#email-header' },
    { include: '#release-stamp' },
    { include: '#page-header' },
    { include: '#page-fragment' },
    { include: '#distribution' },
    { include: '#routing' },
    { include: '#drafting' },
    { include: '#end-marks' },
    { include: '#address-block' },
    { include: '#precedence-first' },
    { include: '#messaging-split-fields' },
    { include: '#eo' },
    { include: '#tags' },
    { include: '#subject' },
    { include: '#ref' },
    { include: '#classified-by' },
    { include: '#reason-line' },
    { include: '#messaging-fields' },
    { include: '#text-header' },
    { include: '#banner' },
    { include: '#section-line' },
    { include: '#captions' },
    { include: '#paragraph' },
    { include: '#subparagraph' },
  ],
};

repo['line'] = {
  comment: 'Each line: the line-start rules (tried at the first position only), then what may appear anywhere.',
  ...gate([{ include: '#line-items' }, { include: '#inline' }]),
};

repo['inline'] = {
  comment: 'What is recognised anywhere in a line.',
  patterns: [
    { include: '#dtg' },
    { include: '#statement' },
    { include: '#blocks' },
    { include: '#portion-mark-unambiguous' },
    { include: '#margin-exemptions' },
  ],
};

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Cable',
  scopeName: 'source.cable',
  fileTypes: ['cable', 'tel'],
  comment: 'U.S. Department of State telegrams in every layout: drafts, printed telegram transcriptions (1970s–1990s), messaging-system (SMART) cables, and FOIA releases with their stamps and email wrappers. Regexes are kept linear (atomic groups, no nested ambiguous repetition) so a megabyte line cannot hang a highlighter.',
  patterns: [{ include: '#line' }, { include: '#inline' }],
  repository: repo,
};

const out = fileURLToPath(new URL('./cable.tmLanguage.json', import.meta.url));
const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {}
  if (current !== json) {
    console.error(`${out} is out of date: run node syntaxes/cable.tmLanguage.src.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(out, json);
  console.log('wrote', out);
}
