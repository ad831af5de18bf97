/**
 * The TAGS line written in its normal form: codes in upper case, one comma
 * and one space between entries, no empty entries, no trailing period, and
 * the preferred order (subject, program, organisation, then geographic
 * codes). The tags-malformed rule offers it as its fix.
 */
import type { Source } from '../text/source';
import type { ReferenceData, TagKind } from '../data/reference';
import type { Cable, Span } from '../model';
import type { TextEdit } from '../rules/types';

/** Sort keys: the order of H74 (subject TAGS, then geographic and organisation TAGS), with program TAGS after subject ones. */
const RANK: Record<TagKind, number> = { subject: 0, program: 1, other: 2, geographic: 3 };
/** A personal name with no code before it goes last, where H74 puts names. */
const NAME_RANK = 4;

/**
 * Where a code goes: by its kind in the table of the cable's era. A code no
 * table knows goes where its shape says it belongs, which keeps a misspelt
 * code among its kind (PRLE with the subject codes, a K code with the program
 * codes, two letters with the countries, anything else with the organisations).
 */
function rankOf(code: string, cable: Cable, reference: ReferenceData, assumeYear: number | undefined): number {
  const kinds = reference.judgeTag(code, cable.date, assumeYear).matches.map((m) => RANK[m.kind]);
  if (kinds.length) return Math.min(...kinds);
  if (/^[A-Z]{4}$/.test(code)) return code.startsWith('K') ? RANK.program : RANK.subject;
  return /^[A-Z0-9]{2}$/.test(code) ? RANK.geographic : RANK.other;
}

/** A code with the personal names written after it (`OVIP (RICE, CONDOLEEZZA)`), kept together. */
interface Unit {
  text: string;
  rank: number;
  /** Where its first entry starts and its last ends. */
  start: number;
  end: number;
}

/**
 * The edits that write a cable's TAGS value in normal form (entries never
 * dropped, names kept whole and after their code), or undefined when that
 * cannot be done with certainty (unbalanced parentheses). A value continued
 * over several lines keeps its line breaks and whatever stands between its
 * lines (a page break): each line keeps as many entries as it had, in the new
 * order, and ends with the comma that continues it. Where that cannot hold (a
 * line would be left empty, a name runs over a line break), a value whose
 * lines are separated by nothing but line breaks is joined into one line;
 * another is left undone.
 */
export function normaliseTags(cable: Cable, text: Source, reference: ReferenceData, assumeYear: number | undefined): TextEdit[] | undefined {
  const tags = cable.tags;
  if (!tags) return undefined;
  if (tags.entries.some((e) => (e.kind === 'code' && /[()]/.test(e.text)) || (e.kind === 'name' && !e.text.endsWith(')')))) return undefined;
  const units: Unit[] = [];
  let last: Unit | undefined;
  for (const e of tags.entries) {
    if (e.kind === 'empty') continue;
    if (e.kind === 'name' && last) {
      last.text += ` ${e.text}`;
      last.end = e.end;
      continue;
    }
    const upper = e.text.toUpperCase();
    last = { text: e.kind === 'name' ? e.text : upper, rank: e.kind === 'name' ? NAME_RANK : rankOf(upper, cable, reference, assumeYear), start: e.start, end: e.end };
    units.push(last);
  }
  if (units.length === 0) return undefined;
  const ordered = units.map((u, i) => ({ u, i })).sort((a, b) => a.u.rank - b.u.rank || a.i - b.i).map((x) => x.u);
  const lines = valueLines(cable, text);
  const lineOf = (offset: number) => lines.findIndex((l) => l.start <= offset && offset <= l.end);
  const counts = lines.map(() => 0);
  let spread = true;
  for (const u of units) {
    const k = lineOf(u.start);
    if (k < 0 || lineOf(u.end) !== k) spread = false;
    else counts[k]++;
  }
  if (spread && counts.every((n) => n > 0)) {
    const edits: TextEdit[] = [];
    let next = 0;
    lines.forEach((l, k) => {
      const newText = joined(ordered.slice(next, next + counts[k])) + (k < lines.length - 1 ? ',' : '');
      next += counts[k];
      if (text.slice(l.start, l.end) !== newText) edits.push({ range: l, newText });
    });
    return edits;
  }
  const whole = { start: lines[0].start, end: lines[lines.length - 1].end };
  if (lines.some((l, k) => k > 0 && text.slice(lines[k - 1].end, l.start).trim() !== '')) return undefined;
  const newText = joined(ordered);
  return text.slice(whole.start, whole.end) === newText ? [] : [{ range: whole, newText }];
}

/** Units written out: a comma and a space between codes; a name that had no code before it follows the last code with a space, as names do. */
function joined(units: Unit[]): string {
  return units.map((u, i) => (i === 0 ? u.text : `${u.rank === NAME_RANK ? ' ' : ', '}${u.text}`)).join('');
}

/** The lines of the TAGS value, each trimmed of blanks: what the normal form rewrites. */
function valueLines(cable: Cable, text: Source): Span[] {
  const tags = cable.tags!;
  const field = cable.fields.find((f) => f.labelSpan.start === tags.labelSpan.start);
  const pieces = field?.valueSpans.length ? field.valueSpans : [tags.valueSpan];
  return pieces.map((p) => {
    const s = text.slice(p.start, p.end);
    const lead = s.length - s.trimStart().length;
    return { start: p.start + lead, end: p.start + s.trimEnd().length };
  });
}

