import { isNotApplicable, parseDeclDate } from '../data/orders';
import { levelRank } from '../parser/levels';
import { formatDate } from './describe';
import type { Finding, Rule } from './types';

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'An' : 'A';
}

/** N/A on a classified cable, a declassification instruction on an unclassified one, a DECL date before the cable's date. */
export const eoDecl: Rule = {
  id: 'eo-decl',
  description: "N/A on a classified cable, a declassification instruction on an unclassified one, a DECL date before the cable's date.",
  defaultSeverity: 'warning',
  check({ cable }) {
    const eo = cable.eo;
    if (!eo || !eo.decl) return [];
    const out: Finding[] = [];
    const range = eo.declSpan ?? eo;
    const level = cable.level;
    const na = isNotApplicable(eo.decl);
    if (level && levelRank(level) >= 2 && na) {
      out.push({ range, message: `${article(level)} ${level} cable needs a declassification instruction, not N/A: e.g. 'DECL: OADR' under E.O. 12356, or 'DECL:' and a date under E.O. 12958 and 13526.` });
    }
    // Limited Official Use cables of the 1970s carry GDS in released copies, so only UNCLASSIFIED and SBU must say N/A.
    if ((level === 'UNCLASSIFIED' || level === 'SENSITIVE BUT UNCLASSIFIED') && !na) {
      out.push({ range, message: `${article(level)} ${level} cable takes N/A on its E.O. line, not a declassification instruction ('${eo.decl}').` });
    }
    const decl = parseDeclDate(eo.decl);
    const d = cable.date;
    if (decl && d && d.month !== undefined && d.day !== undefined) {
      const key = (x: { year: number; month: number; day: number }) => x.year * 10000 + x.month * 100 + x.day;
      if (key(decl) < key({ year: d.year, month: d.month, day: d.day })) {
        out.push({ range, message: `The declassification date ${formatDate(decl)} is before the cable's own date (${formatDate(d)}): a DECL date lies after the cable.` });
      }
    }
    return out;
  },
};
