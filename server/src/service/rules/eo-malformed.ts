import { isNotApplicable, ORDERS, orderOf, parseDeclDate } from '../data/orders';
import type { Finding, Rule } from './types';

const ALLOWED: Record<string, string> = {
  '11652': 'GDS, ADS or XGDS1-4 (with DECLAS and a date or event where it applies)',
  '12065': 'GDS, RDS-1 to RDS-3 or XDS-1 to XDS-4, followed by a date',
  '12356': 'DECL: OADR or DECL: and a date',
  '12958': 'DECL: and a date, DECL: 1.6X1-8 or 25X1-9',
  '13526': 'DECL: and a date, or DECL: 25X1-9',
};

/** An E.O. line whose shape or declassification value is not one the order allows. */
export const eoMalformed: Rule = {
  id: 'eo-malformed',
  description: "An E.O. line whose shape or declassification value is not one the order allows (GDS, ADS, XGDS1-4, RDS-n, DECL: OADR, DECL: <date>, N/A, 25X1...).",
  defaultSeverity: 'error',
  check({ cable }) {
    const eo = cable.eo;
    if (!eo) return [];
    const out: Finding[] = [];
    if (eo.label.replace(/\s+/g, '') !== 'E.O.') {
      out.push({
        range: eo.labelSpan,
        severity: 'warning',
        message: `The E.O. label reads '${eo.label}': write 'E.O.'.`,
        fixes: [{ title: "Write 'E.O.'", edits: [{ range: eo.labelSpan, newText: 'E.O.' }], preferred: true }],
      });
    }
    if (!eo.order) {
      out.push({ range: eo, message: `The E.O. line names no executive order: write the order and its value, e.g. '${ORDERS[ORDERS.length - 1].example}' or 'E.O. 12356: DECL: OADR'.` });
      return out;
    }
    const order = orderOf(eo.order);
    if (!order) {
      out.push({ range: eo.orderSpan ?? eo, message: `E.O. ${eo.order} is not an order cables cite: use ${ORDERS.map((o) => o.number).join(', ')}.` });
      return out;
    }
    const decl = (eo.decl ?? '').replace(/^AS AMENDED\s*[:;,]?\s*/i, '').replace(/\s+/g, ' ').trim().toUpperCase();
    if (decl === '') {
      // Messaging-system copies print the order alone.
      if (cable.layout !== 'messaging') out.push({ range: eo, message: `The E.O. ${order.number} line gives no declassification value: add ${ALLOWED[order.number]}, or N/A on an unclassified cable.` });
      return out;
    }
    if (decl.endsWith('.') && !isNotApplicable(decl) && eo.declSpan) {
      const dot = { start: eo.declSpan.end - 1, end: eo.declSpan.end };
      out.push({
        range: dot,
        message: 'The E.O. line ends with a period, which the telegraphic system rejects: end it with the declassification value.',
        fixes: [{ title: 'Remove the period', edits: [{ range: dot, newText: '' }], preferred: true }],
      });
      return out;
    }
    if (isNotApplicable(decl)) return out;
    const range = eo.declSpan ?? eo;
    if (!order.values.test(decl)) {
      out.push({ range, message: `'${eo.decl}' is not a declassification value E.O. ${order.number} allows: use ${ALLOWED[order.number]}, or N/A.` });
      return out;
    }
    const date = /\d[/-]\d/.test(decl) ? parseDeclDate(decl) : undefined;
    if (/\d[/-]\d/.test(decl) && (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31)) {
      out.push({ range, message: `'${eo.decl}' holds no valid date: write it MM/DD/YYYY (or YYYY/MM/DD).` });
    }
    return out;
  },
};
