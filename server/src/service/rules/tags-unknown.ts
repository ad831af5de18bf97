import { orList } from './describe';
import type { Finding, Rule } from './types';

/** A code in neither the subject, program, organisation nor geographic table of the cable's era. */
export const tagsUnknown: Rule = {
  id: 'tags-unknown',
  description: "A code in neither the subject, program, organisation nor geographic table of the cable's era; suggests the nearest known codes.",
  defaultSeverity: 'warning',
  check({ cable, reference, assumeYear }) {
    const tags = cable.tags;
    if (!tags) return [];
    const out: Finding[] = [];
    const codes = tags.entries.filter((e) => e.kind === 'code');
    codes.forEach((e, i) => {
      const code = e.text.toUpperCase();
      // Other lengths are tags-malformed's (wrong length); stray punctuation is not a code.
      if ((code.length !== 2 && code.length !== 4) || !/^[A-Z0-9]+$/.test(code)) return;
      const j = reference.judgeTag(code, cable.date, assumeYear);
      if (j.matches.length) return;
      const near = reference.nearestTags(code, cable.date, 3, assumeYear);
      let message = `TAGS code '${code}' is not in the subject, program, organisation or geographic tables of ${j.era.label}`;
      if (j.elsewhere.length) message += `; it is ${j.elsewhere.map((r) => `${r.description.replace(/\s*\[.*\]$/, '')} in the ${r.table} table`).join(' and ')}`;
      if (near.length) message += `; nearest: ${orList(near.map((t) => `${t.code} (${t.description.replace(/\s*\[.*\]$/, '')})`))}`;
      if (codes[i - 1]?.text.toUpperCase() === 'OVIP') message += '; a visitor\'s name goes in parentheses, as OVIP (SURNAME, GIVEN)';
      out.push({
        range: e,
        message: `${message}.`,
        fixes: near.map((t, k) => ({ title: `Replace with ${t.code}`, edits: [{ range: e, newText: t.code }], preferred: k === 0 && near.length === 1 })),
      });
    });
    return out;
  },
};
