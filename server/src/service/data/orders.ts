/**
 * The executive orders that cable E.O. lines cite, when each was in force, and
 * the declassification values each allowed. Dates: FORMAT.md §5 (H74 for E.O.
 * 11652; the in-force dates of the later orders are from their texts as
 * commonly cited, marked unverified there).
 */
import { startAfterSpaces } from '../text/chars';

export interface ExecutiveOrder {
  number: string;
  /** First and last day in force (ISO dates); `to` undefined while in force. */
  from: string;
  to: string | undefined;
  /** What the order's E.O. line looks like. */
  example: string;
  /** What the values mean, for hovers and messages. */
  summary: string;
  /** Declassification values the order allows after its number (N/A is allowed by every order). */
  values: RegExp;
}

const DATE = String.raw`(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{4}[/-]\d{1,2}[/-]\d{1,2})`;
const EVENT = String.raw`(?:${DATE}|[A-Z][A-Z0-9 ,./-]*)`;

export const ORDERS: ExecutiveOrder[] = [
  {
    number: '11652', from: '1972-06-01', to: '1978-11-30', example: 'E.O. 11652: GDS',
    summary: 'GDS = General Declassification Schedule; ADS = Accelerated Declassification Schedule (with DECLAS and a date or event); XGDS1-4 = exempt from the GDS, category 1-4.',
    values: new RegExp(String.raw`^(?:GDS|ADS|XGDS[- ]?[1-4])(?:\s*[,;]?\s*DECLAS(?:SIFY)?\s*:?\s*${EVENT})?$`),
  },
  {
    number: '12065', from: '1978-12-01', to: '1982-07-31', example: 'E.O. 12065: GDS 12/31/84',
    summary: 'GDS = declassify on the date given (at most six years); RDS-n = review for declassification on the date given, category n; XDS-n = extended, category n.',
    values: new RegExp(String.raw`^(?:GDS|RDS-?[1-3](?:\s*,\s*[1-3])*|XDS-?[1-4])(?:\s+${EVENT})?$`),
  },
  {
    number: '12356', from: '1982-08-01', to: '1995-10-13', example: 'E.O. 12356: DECL: OADR',
    summary: 'DECL: OADR = Originating Agency\'s Determination Required; DECL: and a date = declassify on that date.',
    values: new RegExp(String.raw`^DECL\s*:?\s*(?:OADR|${DATE})$`),
  },
  {
    number: '12958', from: '1995-10-14', to: '2010-06-26', example: 'E.O. 12958: DECL: 10/14/2005',
    summary: 'DECL: and a date = declassify on that date (normally within ten years); 1.6X1-8 and 25X1-9 = exempt from automatic declassification; OADR only in transitional cables.',
    values: new RegExp(String.raw`^DECL\s*:?\s*(?:${DATE}|OADR|(?:1\.6\s?X\s?[1-8]|25\s?X\s?[1-9]|X[1-8])(?:\s*,\s*(?:1\.6\s?X\s?[1-8]|25\s?X\s?[1-9]|X[1-8]))*)$`),
  },
  {
    number: '13526', from: '2010-06-27', to: undefined, example: 'E.O. 13526: DECL: 2020/06/30',
    summary: 'DECL: and a date = declassify on that date; 25X1-9, 50X1-HUM, 50X2-WMD = exempt from automatic declassification.',
    values: new RegExp(String.raw`^DECL\s*:?\s*(?:${DATE}|(?:25\s?X\s?[1-9]|50X1-HUM|50X2-WMD|75X[1-9])(?:\s*,\s*(?:25\s?X\s?[1-9]|50X1-HUM|50X2-WMD))*)$`),
  },
];

export function orderOf(number: string | undefined): ExecutiveOrder | undefined {
  return ORDERS.find((o) => o.number === number);
}

/** `N/A` as cables write it (`N/A`, `NA`, `N A`). */
export function isNotApplicable(decl: string): boolean {
  // Most values start with another letter than N: no trimmed copy, no regex.
  const first = decl.charCodeAt(startAfterSpaces(decl, 0, decl.length));
  if (first !== 78 /* N */ && first !== 110 /* n */) return false;
  return /^N\s*\/?\s*A\.?$/i.test(decl.trim());
}

/** A DECL date (`05/14/2018`, `2020/06/30`, `12-31-74`), or undefined. */
export function parseDeclDate(decl: string): { year: number; month: number; day: number } | undefined {
  // A date has a slash or a hyphen; most values (OADR, GDS, 25X1) have neither and need no parsing.
  if (!decl.includes('/') && !decl.includes('-')) return undefined;
  const s = decl.replace(/^DECL\s*:?\s*/i, '').replace(/^.*DECLAS(?:SIFY)?\s*:?\s*/i, '').replace(/^(GDS|RDS-?[\d, ]+|XDS-?\d)\s+/, '').trim();
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(s);
  if (m) return { year: +m[1], month: +m[2], day: +m[3] };
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const y = m[3].length === 2 ? (+m[3] >= 50 ? 1900 + +m[3] : 2000 + +m[3]) : +m[3];
    return { year: y, month: +m[1], day: +m[2] };
  }
  return undefined;
}

/** The order in force on an ISO date (YYYY-MM-DD). */
export function orderInForce(isoDate: string): ExecutiveOrder | undefined {
  return ORDERS.find((o) => o.from <= isoDate && (o.to === undefined || isoDate <= o.to));
}

/** A declassification value as the orders' patterns read it: `AS AMENDED` dropped, blanks made single, upper case. */
export function declValue(decl: string | undefined): string {
  if (decl === undefined) return '';
  if (inReadForm(decl)) return decl;
  return decl.replace(/^AS AMENDED\s*[:;,]?\s*/i, '').replace(/\s+/g, ' ').trim().toUpperCase();
}

/**
 * Whether a value is already as {@link declValue} makes it, as most are: ASCII
 * with no lower-case letter, no blank but single spaces between words, and no
 * `AS AMENDED` to drop. Checking that is cheaper than the regexes.
 */
function inReadForm(decl: string): boolean {
  if (decl.startsWith('AS AMENDED')) return false;
  const last = decl.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = decl.charCodeAt(i);
    if (c === 32) {
      if (i === 0 || i === last || decl.charCodeAt(i - 1) === 32) return false;
    } else if (c > 126 || c < 32 || (c >= 97 && c <= 122)) {
      return false;
    }
  }
  return true;
}

/** Whether an order allows a declassification value (as {@link declValue} gives it); N/A is allowed by every order. */
export function allowsValue(order: ExecutiveOrder, value: string): boolean {
  return isNotApplicable(value) || order.values.test(value);
}

/** The order in force on a cable's date; a date that shows only its year or month is taken at its middle. */
export function orderOnDate(date: { year: number; month: number | undefined; day: number | undefined }): ExecutiveOrder | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  return orderInForce(`${date.year}-${pad(date.month ?? 7)}-${pad(date.day ?? 1)}`);
}
