/**
 * Completion: what to offer at a position of a cable. Post designations in
 * address lists, TAGS codes of the cable's era on the TAGS line, classification
 * words and portion marks where a line or a paragraph starts, precedence words
 * after an addressee, E.O. line forms of the cable's era, and a skeleton for a
 * new cable.
 */
import { builtinReference } from './data/builtin';
import { eraOf } from './data/eras';
import { ORDERS, orderInForce } from './data/orders';
import { POST_PREFIXES, type PostInfo, type ReferenceData, type TagInfo } from './data/reference';
import type { Cable, ParsedDocument, Span } from './model';
import { NEW_CABLE_SNIPPET } from './snippets';

export type CompletionKind = 'post' | 'tag' | 'classification' | 'portion' | 'precedence' | 'eo' | 'field' | 'snippet';

/** One thing to offer. `insertText` replaces `range`; a snippet uses `${1:placeholder}` syntax. */
export interface Completion {
  label: string;
  kind: CompletionKind;
  /** A short line beside the label (a post's country and kind, a code's meaning). */
  detail: string;
  documentation?: string;
  insertText: string;
  snippet: boolean;
  range: Span;
  /** Orders the list: lower first. */
  sortText: string;
  /** What the editor filters the typed text against. */
  filterText?: string;
}

export interface CompletionOptions {
  reference?: ReferenceData;
  assumeYear?: number;
}

const LEVELS = ['UNCLASSIFIED', 'UNCLASSIFIED//SBU', 'LIMITED OFFICIAL USE', 'CONFIDENTIAL', 'CONFIDENTIAL//NOFORN', 'SECRET', 'SECRET//NOFORN', 'TOP SECRET'];
const PORTIONS: [string, string][] = [
  ['U', 'UNCLASSIFIED'],
  ['SBU', 'SENSITIVE BUT UNCLASSIFIED'],
  ['C', 'CONFIDENTIAL'],
  ['C/NF', 'CONFIDENTIAL, NOFORN'],
  ['S', 'SECRET'],
  ['S/NF', 'SECRET, NOFORN'],
  ['TS', 'TOP SECRET'],
];
const PRECEDENCES: [string, string][] = [
  ['IMMEDIATE', 'prosign O'],
  ['PRIORITY', 'prosign P'],
  ['ROUTINE', 'prosign R'],
  ['NIACT IMMEDIATE', 'night action: act on it at once, even out of hours (prosign O)'],
  ['FLASH', 'prosign Z: ahead of all other traffic'],
];
const FIELD_LABELS: [string, string][] = [
  ['E.O. ', 'the executive order and declassification instruction'],
  ['TAGS: ', 'subject, geographic and program codes'],
  ['SUBJECT: ', 'the title of the cable'],
  ['REF: ', 'the references, lettered A), B)...'],
  ['CLASSIFIED BY: ', 'the classification authority and reasons'],
];


/** The cable holding `offset`, if any. */
export function cableAt(doc: ParsedDocument, offset: number): Cable | undefined {
  const line = doc.lines.lineAt(offset);
  return doc.segments.find((s) => s.kind === 'cable' && s.startLine <= line && line <= s.endLine)?.cable;
}

/** What to offer at `offset` of a parsed document. */
export function complete(doc: ParsedDocument, offset: number, options: CompletionOptions = {}): Completion[] {
  const reference = options.reference ?? builtinReference();
  const line = doc.lines.lineAt(offset);
  const lineStart = doc.lines.starts[line];
  const before = doc.text.slice(lineStart, offset);
  const cable = cableAt(doc, offset);
  const kind = doc.lineKinds[line];
  const out: Completion[] = [];

  const tagsLine = /^\s*(?:\S.*\s)?TAGS\s*:?\s+(.*)$/.exec(before) ?? (kind === 'tags' && !/TAGS/.test(before) ? [before, before] : null);
  if (tagsLine) return tagCompletions(tagsLine[1], offset, cable, reference, options.assumeYear);

  const address = addressContext(doc, line, before);
  if (address) return addressCompletions(address, offset, reference);

  if (/^\s*E(?:\.?\s*O?\.?)?\s*(?:\d{0,5})?$/.test(before) && before.trim() !== '') {
    return eoCompletions(before, offset, cable);
  }

  const para = /^(\s*(?:\d{1,3}\.|[A-Z]\.|\([A-Z]\))\s*)(\(?[A-Z/]{0,4})$/.exec(before);
  if (para) {
    const from = offset - para[2].length;
    PORTIONS.forEach(([mark, level], i) =>
      out.push({ label: `(${mark})`, kind: 'portion', detail: level, insertText: `(${mark}) `, snippet: false, range: { start: from, end: offset }, sortText: `0${i}`, filterText: `(${mark})` }),
    );
    return out;
  }

  const word = /^\s*([A-Z/]*)$/.exec(before);
  if (word) {
    const from = offset - word[1].length;
    const range = { start: from, end: offset };
    LEVELS.forEach((l, i) => out.push({ label: l, kind: 'classification', detail: 'overall classification', insertText: l, snippet: false, range, sortText: `1${i}` }));
    FIELD_LABELS.forEach(([l, d], i) => out.push({ label: l.trim(), kind: 'field', detail: d, insertText: l, snippet: false, range, sortText: `2${i}` }));
    if (!cable || before.trim() === '') {
      out.push({ label: 'New cable', kind: 'snippet', detail: 'the skeleton of a draft cable', insertText: NEW_CABLE_SNIPPET, snippet: true, range, sortText: '9', filterText: 'cable' });
    }
  }
  return out;
}

interface AddressContext {
  /** The text being typed: from after the last separator to the cursor. */
  typed: string;
  /** A messaging-system list (`Action:`, `Info:`), where posts are written place first. */
  placeFirst: boolean;
  /** The addressee before the cursor is complete, so a precedence may follow. */
  afterAddressee: boolean;
}

const ADDRESS_LABEL = /^\s*(?:FM|TO|INFO|XMT|From:|Action:|Info:|XMT:)\s+/;
const ADDRESS_KINDS = new Set(['from', 'to', 'info', 'xmt']);

function addressContext(doc: ParsedDocument, line: number, before: string): AddressContext | undefined {
  const label = ADDRESS_LABEL.exec(before);
  const continuing = !label && ADDRESS_KINDS.has(doc.lineKinds[line]) && /^\s*[A-Z]/.test(before);
  const prevKind = line > 0 ? doc.lineKinds[line - 1] : undefined;
  const afterList = !label && !continuing && prevKind !== undefined && ADDRESS_KINDS.has(prevKind) && /^\s*[A-Z][A-Z ]*$/.test(before);
  if (!label && !continuing && !afterList) return undefined;
  const placeFirst = /^\s*(?:Action|Info):/.test(before);
  let rest = label ? before.slice(label[0].length) : before.trimStart();
  // In one line of many addressees, complete the last: after its separator (a semicolon, a precedence word, a serial).
  const cut = Math.max(rest.lastIndexOf(';'), ...['IMMEDIATE ', 'PRIORITY ', 'ROUTINE ', 'FLASH '].map((w) => (rest.lastIndexOf(w) >= 0 ? rest.lastIndexOf(w) + w.length - 1 : -1)));
  if (cut >= 0) rest = rest.slice(cut + 1);
  rest = rest.replace(/^\s*\d{3,6}\s+/, '');
  const typed = rest.replace(/^\s+/, '');
  return { typed, placeFirst, afterAddressee: /\S\s$/.test(before) };
}

function postDetail(p: PostInfo): string {
  return `${p.country || 'unknown country'} · ${p.kind}`;
}

function addressCompletions(ctx: AddressContext, offset: number, reference: ReferenceData): Completion[] {
  const out: Completion[] = [];
  const typed = ctx.typed.toUpperCase().replace(/\s+/g, ' ');
  const range = { start: offset - ctx.typed.length, end: offset };
  const written = (p: PostInfo) => {
    const prefix = POST_PREFIXES.find((w) => p.designation.startsWith(`${w} `));
    return ctx.placeFirst && prefix && prefix !== 'SECSTATE' ? `${p.designation.slice(prefix.length + 1)}, ${prefix}` : p.designation;
  };
  // A finished designation with a blank after it: a precedence comes next.
  const done = typed.trim();
  if (ctx.afterAddressee && done && reference.post(done)) {
    PRECEDENCES.forEach(([w, d], i) => out.push({ label: w, kind: 'precedence', detail: d, insertText: w, snippet: false, range: { start: offset, end: offset }, sortText: `0${i}` }));
    return out;
  }
  const place = (p: PostInfo) => {
    const prefix = POST_PREFIXES.find((w) => p.designation.startsWith(`${w} `));
    return prefix ? p.designation.slice(prefix.length + 1) : p.designation;
  };
  const matches: { p: PostInfo; rank: number }[] = [];
  for (const p of reference.posts) {
    if (typed === '' || p.designation.startsWith(typed)) matches.push({ p, rank: 0 });
    else if (place(p).startsWith(typed) || place(p).split(' ').some((w) => w.startsWith(typed) && typed.length >= 2)) matches.push({ p, rank: 1 });
  }
  matches.sort((a, b) => a.rank - b.rank || a.p.designation.localeCompare(b.p.designation));
  for (const { p, rank } of matches.slice(0, 200)) {
    const text = written(p);
    out.push({
      label: text,
      kind: 'post',
      detail: postDetail(p),
      documentation: `${p.designation}${p.shortName ? ` (page headers: ${p.shortName})` : ''}\n\nSource: ${p.source}`,
      insertText: text,
      snippet: false,
      range,
      sortText: `${rank}${text}`,
      // The editor filters against what was typed: a city typed alone still finds its designations.
      filterText: rank === 1 ? `${ctx.typed}${text}` : text,
    });
  }
  return out;
}

const KIND_ORDER: Record<TagInfo['kind'], number> = { subject: 0, program: 1, geographic: 2, other: 3 };

function tagCompletions(value: string, offset: number, cable: Cable | undefined, reference: ReferenceData, assumeYear: number | undefined): Completion[] {
  const typed = /[^\s,(]*$/.exec(value)![0];
  const range = { start: offset - typed.length, end: offset };
  const era = eraOf(cable?.date, assumeYear);
  const upper = typed.toUpperCase();
  const seen = new Set<string>();
  const out: Completion[] = [];
  for (const t of reference.tagsForEra(cable?.date, assumeYear)) {
    if (upper && !t.code.startsWith(upper)) continue;
    const key = `${t.code}|${t.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      label: t.code,
      kind: 'tag',
      detail: t.description.replace(/\s*\[.*\]$/, ''),
      documentation: `${t.kind} TAG, ${t.table} table${t.kind === 'geographic' ? ` (geographic codes of ${era.label})` : ''}\n\nSource: ${t.source}`,
      insertText: t.code,
      snippet: false,
      range,
      sortText: `${KIND_ORDER[t.kind]}${t.code}`,
    });
  }
  return out;
}

function eoCompletions(before: string, offset: number, cable: Cable | undefined): Completion[] {
  const typed = before.trimStart();
  const range = { start: offset - typed.length, end: offset };
  const d = cable?.date;
  const pad = (n: number) => String(n).padStart(2, '0');
  const inForce = d ? orderInForce(`${d.year}-${pad(d.month ?? 7)}-${pad(d.day ?? 1)}`) : undefined;
  const orders = inForce ? [inForce] : ORDERS;
  const out: Completion[] = [];
  orders.forEach((o, i) => {
    const forms = [o.example.replace(/\d{1,4}\/\d{1,2}\/\d{2,4}$/, (date) => `\${1:${date}}`), `E.O. ${o.number}: N/A`];
    forms.forEach((f, j) =>
      out.push({
        label: f.replace(/\$\{1:([^}]*)\}/, '$1'),
        kind: 'eo',
        detail: j === 0 ? `classified cables under E.O. ${o.number} (${o.from.slice(0, 4)}–${o.to ? o.to.slice(0, 4) : 'now'})` : 'unclassified cables',
        documentation: o.summary,
        insertText: f,
        snippet: f.includes('${'),
        range,
        sortText: `${i}${j}`,
        filterText: f.replace(/\$\{1:([^}]*)\}/, '$1'),
      }),
    );
  });
  return out;
}
