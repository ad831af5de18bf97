import type { ReferenceData } from '../data/reference';
import type { Span, TagEntry } from '../model';
import { orList } from './describe';
import type { Finding, Rule } from './types';

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
  check({ cable, text, reference }) {
    const tags = cable.tags;
    if (!tags) return [];
    const out: Finding[] = [];
    const at = (s: Span) => text.slice(s.start, s.end);

    for (const e of tags.entries) {
      if (e.kind === 'empty') {
        const comma = text[e.start] === ',' ? { start: e.start, end: e.start + 1 } : { start: Math.max(tags.valueSpan.start, e.start - 1), end: e.start };
        out.push({
          range: comma,
          message: 'Empty TAGS entry (a doubled, leading or trailing comma): separate codes with a single comma.',
          fixes: [{ title: 'Remove the extra comma', edits: [{ range: comma, newText: '' }], preferred: true }],
        });
      }
    }
    const value = at(tags.valueSpan).trimEnd();
    if (value.endsWith('.')) {
      const dot = { start: tags.valueSpan.start + value.length - 1, end: tags.valueSpan.start + value.length };
      out.push({
        range: dot,
        message: 'The TAGS line ends with a period, which the telegraphic system rejects: end it with the last code.',
        fixes: [{ title: 'Remove the period', edits: [{ range: dot, newText: '' }], preferred: true }],
      });
    }
    for (const e of tags.entries) {
      if (e.kind === 'code') out.push(...codeProblems(e, reference));
      if (e.kind === 'name') out.push(...nameProblems(e, reference));
    }
    out.push(...subjectProblems(tags.entries, tags.labelSpan, reference, cable.date));
    return out;
  },
};

function codeProblems(e: TagEntry, reference: ReferenceData): Finding[] {
  const out: Finding[] = [];
  if (/[()]/.test(e.text)) {
    out.push({ range: e, message: `Unbalanced parenthesis in '${e.text}': a personal name goes in a pair of parentheses, '(SURNAME, GIVEN)'.` });
    return out;
  }
  if (/[a-z]/.test(e.text)) {
    const upper = e.text.toUpperCase();
    out.push({
      range: e,
      message: `TAGS code '${e.text}' is in lower case: write '${upper}'.`,
      fixes: [{ title: `Write ${upper}`, edits: [{ range: e, newText: upper }], preferred: true }],
    });
  }
  if (wrongLength(e.text, reference)) {
    const near = reference.nearestTags(e.text.toUpperCase(), undefined, 3, undefined, true);
    const hint = near.length ? `; nearest known: ${orList(near.map((t) => t.code))}` : '';
    out.push({
      range: e,
      message: `TAGS code '${e.text}' has ${e.text.length} characters and is no known organisation code: subject and program codes have four letters, geographic codes two${hint}.`,
      fixes: near.map((t, i) => ({ title: `Replace with ${t.code}`, edits: [{ range: e, newText: t.code }], preferred: i === 0 && near.length === 1 })),
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

function subjectProblems(entries: TagEntry[], label: Span, reference: ReferenceData, date: Parameters<ReferenceData['judgeTag']>[1]): Finding[] {
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
      message: `Geographic TAG '${geo.text}' comes before the subject TAGS: the preferred order is subject codes, then geographic and organisation codes, then personal names.`,
    }];
  }
  return [];
}
