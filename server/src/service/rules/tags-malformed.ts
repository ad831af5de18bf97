import type { ReferenceData } from '../data/reference';
import { normaliseTags } from '../fixes/tags';
import type { Span, TagEntry } from '../model';
import { endBeforeSpaces, hasLowerCase, upperCase } from '../text/chars';
import { orList } from './describe';
import { certainReplacement, replacements } from './suggest';
import type { Finding, Fix, Rule, TextEdit } from './types';

/** Whether a code is unknown in every table and neither two nor four characters long. */
export function wrongLength(code: string, reference: ReferenceData): boolean {
  const upper = upperCase(code);
  return upper.length !== 2 && upper.length !== 4 && reference.tagRows(upper).length === 0;
}

const NAME = /^[A-Z][A-Z'.-]*(?:\s*,\s*[A-Z][A-Z .'-]*)?$/i;

/** Doubled commas, a trailing period, lower case, wrong lengths, parentheses, and a missing subject TAG. */
export const tagsMalformed: Rule = {
  id: 'tags-malformed',
  description: 'Empty entries or doubled commas, a trailing period, lower-case codes, wrong length, unbalanced parentheses, no subject tag, geographic before subject (as a hint).',
  defaultSeverity: 'error',
  check({ cable, text, reference, assumeYear }) {
    const tags = cable.tags;
    if (!tags) return [];
    const { entries } = tags;
    const out: Found[] = [];
    for (const e of entries) {
      if (e.kind === 'empty') {
        const comma = text.charAt(e.start) === ',' ? { start: e.start, end: e.start + 1 } : { start: Math.max(tags.valueSpan.start, e.start - 1), end: e.start };
        out.push({
          range: comma,
          message: 'Empty TAGS entry (a doubled, leading or trailing comma): separate codes with a single comma.',
          ownFix: { title: 'Remove the extra comma', edits: [{ range: comma, newText: '' }], preferred: true },
        });
      }
    }
    // The value's last character but blanks (read in place: no slice of the value, no trimmed copy).
    const end = endBeforeSpaces(text, tags.valueSpan.start, tags.valueSpan.end);
    if (end > tags.valueSpan.start && text.charCodeAt(end - 1) === 46 /* . */) {
      const dot = { start: end - 1, end };
      out.push({
        range: dot,
        message: 'The TAGS line ends with a period, which the telegraphic system rejects: end it with the last code.',
        ownFix: { title: 'Remove the period', edits: [{ range: dot, newText: '' }], preferred: true },
      });
    }
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e.kind === 'code') codeProblems(out, e, reference, entries[i - 1]);
      else if (e.kind === 'name') nameProblems(out, e, reference);
    }
    subjectProblems(out, entries, tags.labelSpan, reference, cable.date);
    // Most TAGS lines are well formed: the normal form is worked out only for a line that needs it.
    return out.length === 0 ? out : withNormalForm(out, () => normaliseTags(cable, text, reference, assumeYear));
  },
};

/** A finding, with the fix of its own that the normal form of the line makes unnecessary (`ownFix`) or a problem of order the normal form fixes (`order`). */
type Found = Finding & { ownFix?: Fix; order?: boolean };

/**
 * Gives every finding of the line the one fix that writes the line in normal
 * form, when some finding is one it fixes (an empty entry, the period, lower
 * case, the order): the same edits everywhere, so fix-all applies them once.
 * It is preferred unless the order is all it fixes, which is only a hint.
 * Where the normal form cannot be written, findings keep their own fixes.
 */
function withNormalForm(found: Found[], normalForm: () => TextEdit[] | undefined): Finding[] {
  const fixes = found.filter((f) => f.ownFix || f.order);
  const edits = fixes.length ? normalForm() : undefined;
  const normal: Fix | undefined =
    fixes.length && edits?.length ? { title: 'Normalise the TAGS line', edits, preferred: fixes.some((f) => f.ownFix) } : undefined;
  // Plain findings, not spread copies: each spread copy gets a hidden class of its own, which makes every read of findings slow.
  return found.map((f) => {
    const own = normal ? [normal] : f.ownFix ? [f.ownFix] : [];
    const finding: Finding = { range: f.range, message: f.message, fixes: [...(f.fixes ?? []), ...own] };
    if (f.severity) finding.severity = f.severity;
    if (f.tags) finding.tags = f.tags;
    return finding;
  });
}

/** The problems of a code, added to `out`. `previous`: the entry before it; after OVIP a code is likely a visitor's name written bare, never replaced unattended. */
function codeProblems(out: Found[], e: TagEntry, reference: ReferenceData, previous: TagEntry | undefined): void {
  if (e.text.includes('(') || e.text.includes(')')) {
    out.push({ range: e, message: `Unbalanced parenthesis in '${e.text}': a personal name goes in a pair of parentheses, '(SURNAME, GIVEN)'.` });
    return;
  }
  if (hasLowerCase(e.text)) {
    const upper = e.text.toUpperCase();
    out.push({
      range: e,
      message: `TAGS code '${e.text}' is in lower case: write '${upper}'.`,
      ownFix: { title: `Write ${upper}`, edits: [{ range: e, newText: upper }], preferred: true },
    });
  }
  if (wrongLength(e.text, reference)) {
    const afterOvip = previous?.text.toUpperCase() === 'OVIP';
    const near = reference.nearestTags(e.text.toUpperCase(), undefined, 3, undefined, true);
    const hint = near.length ? `; nearest known: ${orList(near.map((t) => t.code))}` : '';
    out.push({
      range: e,
      message: `TAGS code '${e.text}' has ${e.text.length} characters and is no known organisation code: subject and program codes have four letters, geographic codes two${hint}.`,
      fixes: replacements(e, near.map((t) => t.code), !afterOvip && certainReplacement(e.text.toUpperCase(), near.map((t) => t.code))),
    });
  }
}

/** The problem of a personal name, added to `out`. */
function nameProblems(out: Found[], e: TagEntry, reference: ReferenceData): void {
  if (!e.text.endsWith(')')) {
    out.push({ range: e, message: `Unbalanced parenthesis in '${e.text}': close the personal name with ')'.` });
    return;
  }
  const inner = e.text.slice(1, -1).trim();
  if (!NAME.test(inner) || (!inner.includes(',') && reference.tagRows(inner.toUpperCase()).length > 0)) {
    out.push({ range: e, message: `Only personal names go in parentheses on the TAGS line, as '(SURNAME, GIVEN)': '${e.text}' is not a name.` });
  }
}

/**
 * No subject code, or a geographic code before the first subject code, added
 * to `out`. Codes are judged by the table of every era (`date` alone, without
 * an assumed year), in order, up to the first subject or program code.
 */
function subjectProblems(out: Found[], entries: TagEntry[], label: Span, reference: ReferenceData, date: Parameters<ReferenceData['judgeTag']>[1]): void {
  let firstGeo: TagEntry | undefined;
  let codes = 0;
  for (const e of entries) {
    if (e.kind !== 'code') continue;
    codes++;
    const { matches } = reference.judgeTag(upperCase(e.text), date);
    if (matches.some((m) => m.kind === 'subject' || m.kind === 'program')) {
      if (firstGeo) {
        out.push({
          range: firstGeo,
          severity: 'hint',
          order: true,
          message: `Geographic TAG '${firstGeo.text}' comes before the subject TAGS: the preferred order is subject codes, then geographic and organisation codes, then personal names.`,
        });
      }
      return;
    }
    if (!firstGeo && matches.length > 0 && matches.every((m) => m.kind === 'geographic')) firstGeo = e;
  }
  // An unknown four-letter code may be a subject code we do not know: leave that to tags-unknown.
  if (codes === 0 || entries.some((e) => e.kind === 'code' && e.text.length === 4 && reference.tagRows(upperCase(e.text)).length === 0)) return;
  out.push({ range: label, message: 'The TAGS line has no subject TAG: include at least one subject code (such as PREL, PGOV or ECON), first.' });
}
