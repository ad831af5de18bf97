import type { ReferenceData, TagJudgement } from '../data/reference';
import type { Cable, TagEntry } from '../model';
import { upperCase } from '../text/chars';
import { orList } from './describe';
import { certainReplacement, replacements } from './suggest';
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
    let previous: TagEntry | undefined;
    for (const e of tags.entries) {
      if (e.kind !== 'code') continue;
      const before = previous;
      previous = e;
      const code = upperCase(e.text);
      // Other lengths are tags-malformed's (wrong length); stray punctuation is not a code (looked for only in a code
      // no table knows, which is rare).
      if (code.length !== 2 && code.length !== 4) continue;
      const j = reference.judgeTag(code, cable.date, assumeYear);
      if (j.matches.length === 0 && /^[A-Z0-9]+$/.test(code)) out.push(unknown(e, code, j, before, cable, reference, assumeYear));
    }
    return out;
  },
};

/** The finding on an unknown code; `before` is the code before it on the line. */
function unknown(e: TagEntry, code: string, j: TagJudgement, before: TagEntry | undefined, cable: Cable, reference: ReferenceData, assumeYear: number | undefined): Finding {
  // For a country code of another era, the same country's code in this era comes first.
  const same = reference.sameCountry(code, cable.date, assumeYear);
  const near = [...same, ...reference.nearestTags(code, cable.date, 3, assumeYear).filter((t) => !same.some((s) => s.code === t.code))].slice(0, 3);
  let message = `TAGS code '${code}' is not in the subject, program, organisation or geographic tables of ${j.era.label}`;
  const described = (t: { code: string; description: string }) => `${t.code} (${t.description.replace(/\s*\[.*\]$/, '')})`;
  if (j.elsewhere.length) message += `; it is ${j.elsewhere.map((r) => `${r.description.replace(/\s*\[.*\]$/, '')} in the ${r.table} table`).join(' and ')}`;
  if (same.length) message += `; in this cable's table: ${orList(same.map(described))}`;
  const others = near.filter((t) => !same.includes(t));
  if (others.length) message += `; nearest: ${orList(others.map(described))}`;
  const afterOvip = before?.text.toUpperCase() === 'OVIP';
  if (afterOvip) message += '; a visitor\'s name goes in parentheses, as OVIP (SURNAME, GIVEN)';
  return {
    range: e,
    message: `${message}.`,
    // A country code of another era names a country, not a misspelling, and after OVIP a word is likely a name:
    // neither is replaced unattended.
    fixes: replacements(e, near.map((t) => t.code), same.length === 0 && !afterOvip && certainReplacement(code, near.map((t) => t.code))),
  };
}
