/**
 * Hover: what the thing under the cursor means. A TAGS code's meaning in the
 * cable's era, a post's country and kind, a DTG as a readable date, the E.O.
 * line's order and value, a portion mark's or marking's level, a page
 * header's parts, and the explanation of the rules that flag the spot.
 */
import type { Diagnostic } from './analyze';
import { builtinReference } from './data/builtin';
import { eraOf } from './data/eras';
import { isNotApplicable, orderOf } from './data/orders';
import type { ReferenceData } from './data/reference';
import { cableAt } from './completion';
import { ruleDocsUrl } from './docs';
import type { Addressee, Cable, Dtg, ParsedDocument, PortionMark, Span } from './model';
import { dtgIso, MONTHS } from './parser/dtg';
import { ruleById } from './rules';

/** Markdown to show over a range. */
export interface HoverInfo {
  range: Span;
  markdown: string;
}

export interface HoverOptions {
  reference?: ReferenceData;
  assumeYear?: number;
  /** The document's diagnostics: a hover over a flagged spot explains the rule. */
  diagnostics?: readonly Diagnostic[];
}

const within = (s: Span | undefined, o: number): s is Span => !!s && s.start <= o && o <= s.end;
const PROSIGN: Record<string, string> = { Z: 'FLASH', O: 'IMMEDIATE', P: 'PRIORITY', R: 'ROUTINE' };
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What to show over `offset`, or undefined when there is nothing to say. */
export function hover(doc: ParsedDocument, offset: number, options: HoverOptions = {}): HoverInfo | undefined {
  const reference = options.reference ?? builtinReference();
  const cable = cableAt(doc, offset);
  const found = cable ? describe(cable, offset, reference, options.assumeYear) : undefined;
  const rules = (options.diagnostics ?? []).filter((d) => d.range.start <= offset && offset <= d.range.end);
  if (!found && rules.length === 0) return undefined;
  const parts = found ? [found.markdown] : [];
  for (const id of [...new Set(rules.map((d) => d.ruleId))]) {
    const rule = ruleById(id);
    if (rule) parts.push(`**${id}** (${rule.defaultSeverity} by default): ${rule.description} [Documentation](${ruleDocsUrl(id)})`);
  }
  const range = found?.range ?? rules[0].range;
  return { range, markdown: parts.join('\n\n---\n\n') };
}

function describe(cable: Cable, o: number, reference: ReferenceData, assumeYear: number | undefined): HoverInfo | undefined {
  const entry = cable.tags?.entries.find((e) => e.kind === 'code' && within(e, o));
  if (entry) return { range: entry, markdown: tagHover(entry.text.toUpperCase(), cable, reference, assumeYear) };

  for (const a of [...(cable.from ? [cable.from] : []), ...cable.to, ...cable.info, ...cable.xmt]) {
    if (within(a.precedenceSpan, o)) return { range: a.precedenceSpan, markdown: precedenceHover(a) };
    if (within(a.designationSpan, o)) return { range: a.designationSpan, markdown: postHover(a, reference) };
  }

  const d = cable.dtg;
  if (d && within(d, o)) return { range: d, markdown: dtgHover(d) };

  const eo = cable.eo;
  if (eo && within(eo, o)) return { range: eo, markdown: eoHover(cable) };

  for (const p of portions(cable)) if (within(p, o)) return { range: p, markdown: `Portion mark **(${p.text})**: ${p.level ? `this portion is ${p.level}${p.caveats.length ? `, ${p.caveats.join(', ')}` : ''}` : 'names no classification level'}.` };

  for (const m of cable.markings) {
    if (within(m, o)) {
      const overall = cable.level ? `The cable's overall classification is ${cable.level}.` : '';
      return { range: m, markdown: `**${m.level}**${m.caveats.length ? ` (${m.caveats.join(', ')})` : ''}: ${ROLE[m.role]}. ${overall}` };
    }
  }

  for (const ph of cable.pageHeaders) {
    if (within(ph, o)) {
      const t = ph.time && /^(\d{2})(\d{2})(\d{2})Z$/.exec(ph.time);
      return {
        range: ph,
        markdown: `Page header: page ${ph.page}${ph.post ? ` of the cable from station **${ph.post}**` : ''}${ph.serial ? `, serial ${ph.serial}` : ''}${t ? `, processed on day ${t[1]} at ${t[2]}:${t[3]} UTC` : ''}.`,
      };
    }
  }
  if (cable.mrn && within(cable.mrn, o)) return { range: cable.mrn, markdown: `Message reference number: ${cable.mrn.year ?? '?'}, ${cable.mrn.post}, serial ${cable.mrn.serial}.` };
  return undefined;
}

const ROLE: Record<Cable['markings'][number]['role'], string> = {
  top: 'the classification line',
  banner: 'a page banner (every page shows the overall classification at its top and bottom)',
  'text-header': 'the classification in the text header',
  closing: 'the closing classification line',
  statement: 'a classification statement',
  caption: 'a handling caption',
};

function portions(cable: Cable): PortionMark[] {
  const out: PortionMark[] = [];
  if (cable.subject?.portion) out.push(cable.subject.portion);
  for (const r of cable.refs) if (r.portion) out.push(r.portion);
  const walk = (subs: Cable['paragraphs'][number]['subparagraphs']) => {
    for (const s of subs) {
      if (s.portion) out.push(s.portion);
      walk(s.subparagraphs);
    }
  };
  for (const p of cable.paragraphs) {
    if (p.portion) out.push(p.portion);
    walk(p.subparagraphs);
  }
  return out;
}

function tagHover(code: string, cable: Cable, reference: ReferenceData, assumeYear: number | undefined): string {
  const j = reference.judgeTag(code, cable.date, assumeYear);
  const era = eraOf(cable.date, assumeYear);
  const line = (t: { description: string; kind: string; table: string }) => `- ${t.description.replace(/\s*\[.*\]$/, '')} (${t.kind}, ${t.table} table)`;
  if (j.matches.length) {
    const others = reference.tagRows(code).filter((t) => !j.matches.includes(t));
    return [`**${code}** in this cable's era (${era.label}):`, ...j.matches.map(line), ...(others.length ? ['', 'In other eras:', ...others.map(line)] : [])].join('\n');
  }
  const rows = reference.tagRows(code);
  return rows.length ? [`**${code}** is not a code of ${era.label}. Elsewhere:`, ...rows.map(line)].join('\n') : `**${code}** is in no TAGS table cablewright knows.`;
}

function postHover(a: Addressee, reference: ReferenceData): string {
  if (a.person) return `**${a.designation}**: a person on the distribution.`;
  const p = reference.post(a.designation);
  if (!p) return reference.isCheckable(a.designation) ? `**${a.designation}** is not in the table of posts.` : `**${a.designation}**`;
  return `**${p.designation}**: ${p.kind} · ${p.country || 'unknown country'}${p.fipsCode ? ` (${p.fipsCode})` : ''}${p.shortName ? ` · page headers: ${p.shortName}` : ''}\n\nSource: ${p.source}`;
}

function precedenceHover(a: Addressee): string {
  const words = a.precedence.join(' ');
  const meaning: Record<string, string> = {
    FLASH: 'FLASH (prosign Z): handled ahead of all other traffic.',
    IMMEDIATE: 'IMMEDIATE (prosign O).',
    'NIACT IMMEDIATE': 'NIACT IMMEDIATE (prosign O): night action, the addressee acts on it at once, even out of office hours.',
    PRIORITY: 'PRIORITY (prosign P).',
    ROUTINE: 'ROUTINE (prosign R).',
  };
  return `Precedence for ${a.designation}: ${meaning[words] ?? `**${words}** is not a precedence.`}${a.serial ? ` Transmission serial ${a.serial}.` : ''}`;
}

function dtgHover(d: Dtg): string {
  const iso = dtgIso(d);
  const signs = d.prosigns.map((p) => `${p} (${PROSIGN[p] ?? 'not a precedence prosign'})`).join(', ');
  let when: string;
  if (iso) {
    const date = new Date(iso);
    when = `${WEEKDAYS[date.getUTCDay()]} ${d.day} ${MONTH_NAMES[d.month! - 1]} ${d.year}, ${iso.slice(11, 16)} UTC`;
  } else {
    when = `not a valid date-time group (${d.digits.length === 6 ? `day ${d.digits.slice(0, 2)}, ${d.digits.slice(2, 4)}:${d.digits.slice(4, 6)}` : `${d.digits.length} digits`}${d.monthText ? `, ${MONTHS.includes(d.monthText) ? d.monthText : `month '${d.monthText}'`}` : ''}${d.year ? ` ${d.year}` : ''})`;
  }
  return `Date-time group **${d.text}**: ${when}.${signs ? ` Precedence: ${signs}.` : ''}`;
}

function eoHover(cable: Cable): string {
  const eo = cable.eo!;
  const order = orderOf(eo.order);
  if (!order) return `E.O. line${eo.order ? `: E.O. ${eo.order} is not an order cables cite` : ' with no order'}.`;
  const span = `in force ${order.from}${order.to ? ` to ${order.to}` : ' to now'}`;
  const decl = eo.decl ? (isNotApplicable(eo.decl) ? 'N/A: no classification to declassify (unclassified and LOU cables).' : `${eo.decl}.`) : 'no declassification value.';
  return `**E.O. ${order.number}** (${span}). ${order.summary}\n\nThis line: ${decl}`;
}
