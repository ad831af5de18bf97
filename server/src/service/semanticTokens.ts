/**
 * Semantic tokens from the parser: classification words coloured by level,
 * field labels, post designations, TAGS codes (unknown ones marked), DTGs,
 * paragraph numbers and portion marks, block markers, and page headers,
 * distribution lines and release material as de-emphasised.
 */
import type { Source } from './text/source';
import { builtinReference } from './data/builtin';
import type { ReferenceData } from './data/reference';
import type { Level, ParsedDocument, Span, Subparagraph } from './model';

/** Token types, in the order of the legend a server announces. */
export const TOKEN_TYPES = ['classification', 'fieldLabel', 'post', 'tag', 'dtg', 'paragraphNumber', 'portionMark', 'precedence', 'blockMarker', 'pageHeader', 'releaseStamp'] as const;
/** Token modifiers (bit i is modifier i). */
export const TOKEN_MODIFIERS = ['unknown', 'unclassified', 'sensitive', 'confidential', 'secret', 'topSecret'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

export interface TokenOptions {
  reference?: ReferenceData;
  assumeYear?: number;
}

const LEVEL_MODIFIER: Record<Level, TokenModifier> = {
  UNCLASSIFIED: 'unclassified',
  'SENSITIVE BUT UNCLASSIFIED': 'sensitive',
  'LIMITED OFFICIAL USE': 'sensitive',
  CONFIDENTIAL: 'confidential',
  SECRET: 'secret',
  'TOP SECRET': 'topSecret',
};

/** The tokens of a parsed document, sorted and not overlapping; a token may run over lines (the host splits it). */
export function semanticTokens(doc: ParsedDocument, options: TokenOptions = {}): SemanticToken[] {
  const reference = options.reference ?? builtinReference();
  const all: SemanticToken[] = [];
  const add = (s: Span | undefined, type: TokenType, modifiers: TokenModifier[] = []) => {
    if (s && s.end > s.start) all.push({ start: s.start, end: s.end, type, modifiers });
  };
  const lineSpan = (line: number): Span => {
    const text = doc.text;
    let start = doc.lines.starts[line];
    let end = doc.lines.ends[line];
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    return { start, end };
  };

  for (const c of doc.cables) {
    for (const m of c.markings) if (m.role !== 'caption') add(m, 'classification', [LEVEL_MODIFIER[m.level]]);
    for (const ph of c.pageHeaders) add(ph, 'pageHeader');
    for (const l of c.addressLabels) add(l.span, 'fieldLabel');
    for (const f of c.fields) add(f.labelSpan, 'fieldLabel');
    if (c.eo) add(c.eo.labelSpan, 'fieldLabel');
    if (c.tags) {
      add(c.tags.labelSpan, 'fieldLabel');
      for (const e of c.tags.entries) {
        if (e.kind !== 'code') continue;
        const known = reference.judgeTag(e.text.toUpperCase(), c.date, options.assumeYear).matches.length > 0;
        add(e, 'tag', known ? [] : ['unknown']);
      }
    }
    if (c.subject) add(c.subject.labelSpan, 'fieldLabel');
    if (c.refField) add(c.refField.labelSpan, 'fieldLabel');
    if (c.classifiedBy) add(c.classifiedBy.labelSpan, 'fieldLabel');
    for (const a of [...(c.from ? [c.from] : []), ...c.to, ...c.info, ...c.xmt]) {
      if (a.person) continue;
      const unknown = reference.isCheckable(a.designation) && !reference.post(a.designation);
      add(a.designationSpan, 'post', unknown ? ['unknown'] : []);
      add(a.precedenceSpan, 'precedence');
    }
    if (c.dtg) {
      for (const s of c.dtg.prosignSpans) add(s, 'precedence');
      add({ start: c.dtg.digitsSpan.start, end: c.dtg.yearSpan?.end ?? c.dtg.monthSpan?.end ?? c.dtg.digitsSpan.end }, 'dtg');
    }
    const portion = (p: { start: number; end: number; level: Level | undefined } | undefined) => add(p, 'portionMark', p?.level ? [LEVEL_MODIFIER[p.level]] : ['unknown']);
    portion(c.subject?.portion);
    for (const r of c.refs) portion(r.portion);
    const subs = (list: Subparagraph[]) => {
      for (const s of list) {
        add(s.labelSpan, 'paragraphNumber');
        portion(s.portion);
        subs(s.subparagraphs);
      }
    };
    for (const p of c.paragraphs) {
      add(p.numberSpan, 'paragraphNumber');
      portion(p.portion);
      subs(p.subparagraphs);
    }
    for (const b of c.blocks) add(b, 'blockMarker');
    add(c.endMarker, 'blockMarker');
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const dimmed = (line: number): TokenType | undefined => {
    const kind = doc.lineKinds[line];
    return kind === 'release-stamp' || kind === 'email-header' ? 'releaseStamp' : kind === 'distribution' || kind === 'routing' || kind === 'page-number' ? 'pageHeader' : undefined;
  };
  // The first token at a place wins; later ones that overlap it are dropped. A token over several lines (a
  // designation continued over a page break) leaves the release material and headers between to themselves.
  const specific: SemanticToken[] = [];
  let reached = 0;
  for (const t of all) {
    if (t.start < reached) continue;
    reached = t.end;
    const first = doc.lines.lineAt(t.start);
    const last = doc.lines.lineAt(t.end - 1);
    let from = t.start;
    for (let line = first + 1; line < last; line++) {
      if (!dimmed(line)) continue;
      const span = lineSpan(line);
      if (span.start > from) specific.push({ ...t, start: from, end: span.start });
      from = Math.max(from, span.end);
    }
    if (t.end > from) specific.push(from === t.start ? t : { ...t, start: from });
  }
  // Release material, distribution and routing lines are de-emphasised where nothing more specific stands
  // (a routing line can carry the DTG).
  const out: SemanticToken[] = [];
  let k = 0;
  for (let i = 0; i < doc.lineKinds.length; i++) {
    const type = dimmed(i);
    if (!type) continue;
    const span = lineSpan(i);
    while (k < specific.length && specific[k].end <= span.start) out.push(specific[k++]);
    let at = span.start;
    while (k < specific.length && specific[k].start < span.end) {
      if (specific[k].start > at) out.push({ start: at, end: specific[k].start, type, modifiers: [] });
      at = Math.max(at, specific[k].end);
      out.push(specific[k++]);
    }
    if (at < span.end) out.push({ start: at, end: span.end, type, modifiers: [] });
  }
  while (k < specific.length) out.push(specific[k++]);
  return out.flatMap((t) => trimmed(doc.text, t));
}

/** A token without the blanks at its ends; none when it is all blanks. */
function trimmed(text: Source, t: SemanticToken): SemanticToken[] {
  let { start, end } = t;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return end > start ? [{ ...t, start, end }] : [];
}
