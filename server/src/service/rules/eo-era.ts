import { allowsValue, declValue, ORDERS, orderOf, orderOnDate, type ExecutiveOrder } from '../data/orders';
import type { CableDate } from '../model';
import { formatDate } from './describe';
import type { Finding, Rule } from './types';

/** Days of overlap allowed at each change of order: drafts on the old form went out for a few weeks. */
const GRACE_DAYS = 45;

function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Each order's span in force with the grace days added, worked out once. */
const SPANS = new Map(ORDERS.map((o) => [o.number, { from: shift(o.from, -GRACE_DAYS), to: o.to ? shift(o.to, GRACE_DAYS) : '9999-12-31' }]));

function inForce(o: ExecutiveOrder, date: CableDate): boolean {
  const { from, to } = SPANS.get(o.number)!;
  const pad = (n: number) => String(n).padStart(2, '0');
  // With part of the date unknown, the order only has to be in force at some time in what is known.
  const lo = `${date.year}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}`;
  const hi = `${date.year}-${pad(date.month ?? 12)}-${pad(date.day ?? 31)}`;
  return lo <= to && from <= hi;
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return formatDate({ year: y, month: m, day: d });
}

/**
 * Whether the order in force is clearly the one meant: the line's value is one
 * it allows (or there is none), so the number is all that is wrong. A value
 * only another order allows (1.6X1 on a 1994 cable) may point at a misread
 * date instead, and the fix is left to the user.
 */
function onlyNumberWrong(right: ExecutiveOrder, decl: string | undefined): boolean {
  const value = declValue(decl);
  return value === '' || allowsValue(right, value);
}

/** An order not in force on the cable's date. */
export const eoEra: Rule = {
  id: 'eo-era',
  description: "An order not in force on the cable's date (E.O. 13526 on a 1994 cable).",
  defaultSeverity: 'error',
  check({ cable }) {
    const eo = cable.eo;
    const date = cable.date;
    const order = orderOf(eo?.order);
    if (!eo || !date || !order) return [];
    const out: Finding[] = [];
    if (!inForce(order, date)) {
      const right = orderOnDate(date);
      const span = order.to ? `from ${longDate(order.from)} to ${longDate(order.to)}` : `from ${longDate(order.from)}`;
      const advice = right ? `cables of that date cite E.O. ${right.number} (${right.example})` : 'no order cited by cables was in force then';
      out.push({
        range: eo.orderSpan ?? eo,
        message: `E.O. ${order.number} was not in force ${date.day !== undefined ? 'on' : 'in'} ${formatDate(date)} (it was in force ${span}): ${advice}.`,
        fixes: right && eo.orderSpan ? [{ title: `Cite E.O. ${right.number}`, edits: [{ range: eo.orderSpan, newText: right.number }], preferred: onlyNumberWrong(right, eo.decl) }] : [],
      });
    } else if (order.number === '12958' && /\bOADR\b/i.test(eo.decl ?? '') && date.year >= 1997) {
      out.push({
        range: eo.declSpan ?? eo,
        severity: 'info',
        tags: ['deprecated'],
        message: `DECL: OADR belongs to E.O. 12356; under E.O. 12958 it appears only in transitional cables, not in ${date.year}: give a declassification date or an exemption (25X1...).`,
      });
    }
    return out;
  },
};
