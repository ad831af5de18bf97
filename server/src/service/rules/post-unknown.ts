import { orList } from './describe';
import type { Finding, Rule } from './types';

/** An originator or addressee that is not a known post. Only designations of State posts (AMEMBASSY, AMCONSUL, USMISSION...) are judged. */
export const postUnknown: Rule = {
  id: 'post-unknown',
  description: 'An originator or addressee that is not a known post or address; suggests the nearest ones.',
  defaultSeverity: 'warning',
  check({ cable, reference }) {
    const out: Finding[] = [];
    const all = [...(cable.from ? [cable.from] : []), ...cable.to, ...cable.info, ...cable.xmt];
    for (const a of all) {
      if (a.person || !reference.isCheckable(a.designation) || reference.post(a.designation)) continue;
      const near = reference.nearestPosts(a.designation);
      const hint = near.length ? `: did you mean ${orList(near.map((p) => p.designation))}?` : '; check the spelling against the list of posts, or add it to your configuration.';
      out.push({
        range: a.designationSpan,
        message: `'${a.designation}' is not a known post${hint}`,
        fixes: near.map((p, i) => ({ title: `Replace with ${p.designation}`, edits: [{ range: a.designationSpan, newText: p.designation }], preferred: i === 0 && near.length === 1 })),
      });
    }
    return out;
  },
};
