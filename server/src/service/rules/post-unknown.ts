import { normalisePost, POST_PREFIXES } from '../data/reference';
import type { Addressee } from '../model';
import { misplacedPrecedence } from './addressees';
import { orList } from './describe';
import { certainReplacement, replacements } from './suggest';
import type { Finding, Rule } from './types';

/** The replacement text in the form the cable wrote the designation: place first (`LONDON, AMEMBASSY`) or place last. */
function written(designation: string, shown: string): string {
  const placeFirst = /^(.+?),\s*([A-Z]+)$/.exec(shown.trim());
  if (!placeFirst) return designation;
  const kind = placeFirst[2];
  return designation.startsWith(`${kind} `) ? `${designation.slice(kind.length + 1)}, ${kind}` : designation;
}

/** The place of a designation (`BRUSSLES` of `AMEMBASSY BRUSSLES`): what suggestions are measured on, the post word being shared. */
function placeOf(designation: string): string {
  const d = normalisePost(designation);
  const first = d.split(' ')[0];
  return POST_PREFIXES.includes(first) ? d.slice(first.length).trim() : d;
}

/** An originator or addressee that is not a known post. Only designations of State posts (AMEMBASSY, AMCONSUL, USMISSION...) are judged. */
export const postUnknown: Rule = {
  id: 'post-unknown',
  description: 'An originator or addressee that is not a known post or address; suggests the nearest ones.',
  defaultSeverity: 'warning',
  check({ cable, reference, text }) {
    const out: Finding[] = [];
    const judge = (a: Addressee) => {
      if (a.person || !reference.isUnknownPost(a.designation) || misplacedPrecedence(a, reference, text)) return;
      const shown = text.slice(a.designationSpan.start, a.designationSpan.end);
      const near = reference.nearestPosts(a.designation);
      const hint = near.length ? `: did you mean ${orList(near.map((p) => p.designation))}?` : '; check the spelling against the list of posts, or add it to your configuration.';
      out.push({
        range: a.designationSpan,
        message: `'${a.designation}' is not a known post${hint}`,
        fixes: replacements(a.designationSpan, near.map((p) => written(p.designation, shown)), certainReplacement(placeOf(a.designation), near.map((p) => placeOf(p.designation)))),
      });
    };
    if (cable.from) judge(cable.from);
    for (const a of cable.to) judge(a);
    for (const a of cable.info) judge(a);
    for (const a of cable.xmt) judge(a);
    return out;
  },
};
