import { allowsValue, declValue, isNotApplicable, ORDERS, orderOf, orderOnDate, parseDeclDate, type ExecutiveOrder } from '../data/orders';
import { ocrDistance } from '../data/similar';
import type { Cable, EoLine } from '../model';
import type { Finding, Fix, Rule } from './types';

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
    if (eo.label !== 'E.O.' && eo.label.replace(/\s+/g, '') !== 'E.O.') {
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
      out.push({ range: eo.orderSpan ?? eo, message: `E.O. ${eo.order} is not an order cables cite: use ${ORDERS.map((o) => o.number).join(', ')}.`, fixes: orderFixes(cable, eo) });
      return out;
    }
    const decl = declValue(eo.decl);
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
      const fix = valueFix(order, eo, decl);
      out.push({ range, message: `'${eo.decl}' is not a declassification value E.O. ${order.number} allows: use ${ALLOWED[order.number]}, or N/A.`, fixes: fix ? [fix] : [] });
      return out;
    }
    const dated = /\d[/-]\d/.test(decl);
    const date = dated ? parseDeclDate(decl) : undefined;
    if (dated && (!date || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31)) {
      out.push({ range, message: `'${eo.decl}' holds no valid date: write it MM/DD/YYYY (or YYYY/MM/DD).` });
    }
    return out;
  },
};

/**
 * The order a mistyped number stands for: the only order one edit away.
 * Certain when the line's value is one that order allows and it is the order
 * in force on the cable's date (or the cable shows no date).
 */
function orderFixes(cable: Cable, eo: EoLine): Fix[] {
  const near = ORDERS.filter((o) => ocrDistance(eo.order!, o.number) <= 1);
  if (near.length !== 1 || !eo.orderSpan) return [];
  const [o] = near;
  const value = declValue(eo.decl);
  const fits = value === '' || allowsValue(o, value);
  const inForce = !cable.date || orderOnDate(cable.date)?.number === o.number;
  return [{ title: `Cite E.O. ${o.number}`, edits: [{ range: eo.orderSpan, newText: o.number }], preferred: fits && inForce }];
}

/**
 * A value whose intent is plain: OADR mistyped or misread (`ODAR`, `0ADR`)
 * or written without `DECL:`, and a bare date without `DECL:`, under an order
 * that writes them `DECL: OADR` and `DECL:` and a date.
 */
function valueFix(order: ExecutiveOrder, eo: EoLine, decl: string): Fix | undefined {
  if (!eo.declSpan || /AS AMENDED/i.test(eo.decl ?? '')) return undefined;
  const bare = decl.replace(/^DECL\s*:?\s*/, '');
  let newText: string | undefined;
  if (/^[A-Z0-9]{4}$/.test(bare) && ocrDistance(bare, 'OADR') <= 1 && order.values.test('DECL: OADR')) newText = 'DECL: OADR';
  else if (/^\d/.test(bare) && order.values.test(`DECL: ${bare}`)) newText = `DECL: ${bare}`;
  if (!newText) return undefined;
  return { title: `Write ${newText}`, edits: [{ range: { start: eo.declSpan.start, end: eo.declSpan.end }, newText }], preferred: true };
}
