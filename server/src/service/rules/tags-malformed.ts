import type { ReferenceData } from '../data/reference';
import { normaliseTags } from '../fixes/tags';
import type { Span, TagEntry } from '../model';
import { orList } from './describe';
import { certainReplacement, replacements } from './suggest';
import type { Finding, Fix, Rule, TextEdit } from './types';

/** Whether a code is unknown in every table and neither two nor four characters long. */
export function wrongLength(code: string, reference: ReferenceData): boolean {
  const upper = code.toUpperCase();
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
    const out: Found[] = [];
    const at = (s: Span) => text.slice(s.start, s.end);
    for (const e of tags.entries) {
      if (e.kind === 'empty') {
        const comma = text.charAt(e.start) === ',' ? { start: e.start, end: e.start + 1 } : { start: Math.max(tags.valueSpan.start, e.start - 1), end: e.start };
        out.push({
          range: comma,
          message: 'Empty TAGS entry (a doubled, leading or trailing comma): separate codes with a single comma.',
          ownFix: { title: 'Remove the extra comma', edits: [{ range: comma, newText: '' }], preferred: true },
        });
      }
    }
    const value = at(tags.valueSpan).trimEnd();
    if (value.endsWith('.')) {
      const dot = { start: tags.valueSpan.start + value.length - 1, end: tags.valueSpan.start + value.length };
      out.push({
        range: dot,
        message: 'The TAGS line ends with a period, which the telegraphic system rejects: end it with the last code.',
        ownFix: { title: 'Remove the period', edits: [{ range: dot, newText: '' }], preferred: true },
      });
    }
    tags.entries.forEach((e, i) => {
      if (e.kind === 'code') out.push(...codeProblems(e, reference, tags.entries[i - 1]?.text.toUpperCase() === 'OVIP'));
      if (e.kind === 'name') out.push(...nameProblems(e, reference));
    });
    out.push(...subjectProblems(tags.entries, tags.labelSpan, reference, cable.date));
    // Most TAGS lines are well formed: the normal form is worked out only for a line that needs it.
    return withNormalForm(out, () => normaliseTags(cable, text, reference, assumeYear));
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
  return found.map(({ ownFix, order, ...f }) => {
    const own = normal ? [normal] : ownFix ? [ownFix] : [];
    return { ...f, fixes: [...(f.fixes ?? []), ...own] };
  });
}

/** `afterOvip`: the code follows OVIP, so it is likely a visitor's name written bare, never replaced unattended. */
function codeProblems(e: TagEntry, reference: ReferenceData, afterOvip: boolean): Found[] {
  const out: Found[] = [];
  if (/[()]/.test(e.text)) {
    out.push({ range: e, message: `Unbalanced parenthesis in '${e.text}': a personal name goes in a pair of parentheses, '(SURNAME, GIVEN)'.` });
    return out;
  }
  if (/[a-z]/.test(e.text)) {
    const upper = e.text.toUpperCase();
    out.push({
      range: e,
      message: `TAGS code '${e.text}' is in lower case: write '${upper}'.`,
      ownFix: { title: `Write ${upper}`, edits: [{ range: e, newText: upper }], preferred: true },
    });
  }
  if (wrongLength(e.text, reference)) {
    const near = reference.nearestTags(e.text.toUpperCase(), undefined, 3, undefined, true);
    const hint = near.length ? `; nearest known: ${orList(near.map((t) => t.code))}` : '';
    out.push({
      range: e,
      message: `TAGS code '${e.text}' has ${e.text.length} characters and is no known organisation code: subject and program codes have four letters, geographic codes two${hint}.`,
      fixes: replacements(e, near.map((t) => t.code), !afterOvip && certainReplacement(e.text.toUpperCase(), near.map((t) => t.code))),
    });
  }
  return out;
}

function nameProblems(e: TagEntry, reference: ReferenceData): Finding[] {
  if (!e.text.endsWith(')')) {
    return [{ range: e, message: `Unbalanced parenthesis in '${e.text}': close the personal name with ')'.` }];
  }
  const inner = e.text.slice(1, -1).trim();
  if (!NAME.test(inner) || (!inner.includes(',') && reference.tagRows(inner.toUpperCase()).length > 0)) {
    return [{ range: e, message: `Only personal names go in parentheses on the TAGS line, as '(SURNAME, GIVEN)': '${e.text}' is not a name.` }];
  }
  return [];
}

function subjectProblems(entries: TagEntry[], label: Span, reference: ReferenceData, date: Parameters<ReferenceData['judgeTag']>[1]): Found[] {
  const codes = entries.filter((e) => e.kind === 'code');
  const kindsOf = (e: TagEntry) => reference.judgeTag(e.text.toUpperCase(), date).matches.map((m) => m.kind);
  const isSubject = (e: TagEntry) => kindsOf(e).some((k) => k === 'subject' || k === 'program');
  const firstSubject = codes.findIndex(isSubject);
  if (firstSubject < 0) {
    // An unknown four-letter code may be a subject code we do not know: leave that to tags-unknown.
    if (codes.some((e) => e.text.length === 4 && reference.tagRows(e.text.toUpperCase()).length === 0) || codes.length === 0) return [];
    return [{ range: label, message: 'The TAGS line has no subject TAG: include at least one subject code (such as PREL, PGOV or ECON), first.' }];
  }
  const firstGeo = codes.findIndex((e) => {
    const kinds = kindsOf(e);
    return kinds.length > 0 && kinds.every((k) => k === 'geographic');
  });
  if (firstGeo >= 0 && firstGeo < firstSubject) {
    const geo = codes[firstGeo];
    return [{
      range: geo,
      severity: 'hint',
      order: true,
      message: `Geographic TAG '${geo.text}' comes before the subject TAGS: the preferred order is subject codes, then geographic and organisation codes, then personal names.`,
    }];
  }
  return [];
}
