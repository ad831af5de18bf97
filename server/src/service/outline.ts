/**
 * The outline of a file of cables: what an editor shows as document symbols
 * and breadcrumbs, and `cablewright outline` prints. Page headers, banners
 * and release stamps never start a node.
 */
import type { Source } from './text/source';
import type { Cable, Field, ParsedDocument, Span, Subparagraph } from './model';
import type { Reuse } from './parser/incremental';
import { formatDate } from './rules/describe';

export type OutlineKind = 'cable' | 'header' | 'addressees' | 'field' | 'references' | 'reference' | 'paragraph' | 'subparagraph' | 'signature' | 'trailer';

/** One node of the outline. */
export interface OutlineNode {
  name: string;
  detail: string;
  kind: OutlineKind;
  /** The whole extent of the node. */
  range: Span;
  /** What to select when the node is picked (a label, a number). */
  selectionRange: Span;
  children: OutlineNode[];
}

const MAX_NAME = 80;

function clip(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX_NAME ? `${one.slice(0, MAX_NAME - 1)}…` : one;
}

function node(name: string, kind: OutlineKind, range: Span, selectionRange: Span = range, detail = '', children: OutlineNode[] = []): OutlineNode {
  // Only the spans of the model nodes passed in: an outline holds no part of the model.
  return { name: clip(name) || '(empty)', detail, kind, range: { start: range.start, end: range.end }, selectionRange: { start: selectionRange.start, end: selectionRange.end }, children };
}

const cover = (spans: (Span | undefined)[]): Span | undefined => {
  const list = spans.filter((s): s is Span => !!s);
  if (!list.length) return undefined;
  return { start: Math.min(...list.map((s) => s.start)), end: Math.max(...list.map((s) => s.end)) };
};

/** The name of a cable: its subject, else its MRN or text header, else its position. */
export function cableTitle(c: Cable): string {
  if (c.subject?.value) return c.subject.value;
  if (c.mrn) return `${c.mrn.year ?? ''} ${c.mrn.post} ${c.mrn.serial}`.trim();
  if (c.textHeader?.post) return `${c.textHeader.post} ${c.textHeader.serial ?? ''}`.trim();
  return `Cable ${c.index + 1}`;
}

/** Classification, date and reference of a cable, for the detail line. */
export function cableDetail(c: Cable): string {
  const parts: string[] = [];
  if (c.level) parts.push(c.level);
  if (c.date) parts.push(formatDate(c.date));
  if (c.mrn) parts.push(`${c.mrn.post} ${c.mrn.serial}`);
  else if (c.textHeader?.post) parts.push(`${c.textHeader.post} ${c.textHeader.serial ?? ''}`.trim());
  return parts.join(' · ');
}

function fieldNode(f: Field): OutlineNode {
  return node(`${f.label}: ${f.value}`, 'field', f, f.labelSpan.end > f.labelSpan.start ? f.labelSpan : f);
}

function cableNode(c: Cable, doc: ParsedDocument): OutlineNode {
  const text = doc.text;
  const children: OutlineNode[] = [];
  const addressees = [c.from, ...c.to, ...c.info, ...c.xmt].filter((a): a is NonNullable<typeof a> => !!a);
  const addrRange = cover([...addressees, ...c.addressLabels.map((l) => l.span)]);
  if (addrRange) {
    const to = c.to.length + c.info.length;
    const name = c.from ? `FM ${c.from.designation}` : 'Addressees';
    children.push(node(name, 'addressees', addrRange, addrRange, `${to} addressee${to === 1 ? '' : 's'}`));
  }
  if (c.eo) children.push(node(`E.O. ${c.eo.value}`, 'field', c.eo, c.eo.labelSpan));
  if (c.tags) children.push(node(`TAGS: ${c.tags.entries.filter((e) => e.kind !== 'empty').map((e) => e.text).join(', ')}`, 'field', c.tags, c.tags.labelSpan));
  if (c.subject) children.push(node(`SUBJECT: ${c.subject.value}`, 'field', c.subject, c.subject.labelSpan));
  if (c.refField) {
    const refs = c.refs.map((r) => node(`${r.letter ? `${r.letter}) ` : ''}${r.text}`, 'reference', r));
    children.push(node('References', 'references', c.refField, c.refField.labelSpan, `${c.refs.length}`, refs));
  }
  for (const p of c.paragraphs) {
    const label = p.number !== undefined ? `${p.number}.` : '¶';
    const mark = p.portion ? ` (${p.portion.text})` : '';
    const subNode = (s: Subparagraph): OutlineNode =>
      node(`${s.label}${s.label.endsWith(')') ? '' : '.'}${s.portion ? ` (${s.portion.text})` : ''} ${previewAt(text, s.portion?.end ?? afterPeriod(text, s.labelSpan.end), s.subparagraphs[0]?.start ?? s.end)}`, 'subparagraph', s, s.labelSpan, '', s.subparagraphs.map(subNode));
    const subs = p.subparagraphs.map(subNode);
    children.push(node(`${label}${mark} ${p.preview}`, 'paragraph', p, p.numberSpan ?? { start: p.start, end: p.start }, '', subs));
  }
  if (c.signature) children.push(node(`Signature: ${c.signature.value}`, 'signature', c.signature, c.signature));
  const trailer = c.fields.filter((f) => /^(Drafted By|Cleared By|Approved By|Released By|Attachments|Action Post|Dissemination Rule)$/.test(f.label));
  const trailerRange = cover(trailer);
  if (trailerRange) children.push(node('Clearances and distribution', 'trailer', trailerRange, trailerRange, '', trailer.map(fieldNode)));
  const range = { start: doc.lines.starts[c.startLine], end: doc.lines.ends[c.endLine] };
  const selection = c.subject ?? c.mrn ?? c.textHeader ?? c.classification ?? { start: range.start, end: range.start };
  return node(cableTitle(c), 'cable', range, { start: selection.start, end: selection.end }, cableDetail(c), children);
}

/** Past the period of a label (`A.`), which its span leaves out. */
function afterPeriod(text: Source, at: number): number {
  return text.charAt(at) === '.' ? at + 1 : at;
}

function previewAt(text: Source, from: number, to: number): string {
  return text.slice(from, Math.min(to, from + 200)).replace(/\s+/g, ' ').trim().slice(0, 60);
}

/**
 * The outline of every cable in a parsed file: one top-level node per cable.
 * Given the outline of the previous version and what the re-parse reused
 * (see `analyze`), the nodes of unchanged cables are taken over.
 */
export function outline(doc: ParsedDocument, previous?: { outline: OutlineNode[]; reuse: Reuse }): OutlineNode[] {
  if (!previous) return doc.cables.map((c) => cableNode(c, doc));
  const { outline: before, reuse } = previous;
  return doc.cables.map((c, i) => {
    if (i < reuse.prefix) return before[i];
    // A cable without a subject is named by its position, which an edit above it can change.
    if (i >= reuse.suffixNew) return { ...movedNode(before[i - reuse.suffixNew + reuse.suffixOld], reuse.charDelta), name: clip(cableTitle(c)) || '(empty)' };
    return cableNode(c, doc);
  });
}

function movedNode(n: OutlineNode, charDelta: number): OutlineNode {
  const move = (s: Span) => ({ start: s.start + charDelta, end: s.end + charDelta });
  return { ...n, range: move(n.range), selectionRange: move(n.selectionRange), children: n.children.map((c) => movedNode(c, charDelta)) };
}
