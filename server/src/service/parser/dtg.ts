import type { Dtg, Span } from '../model';

export const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * The shape of a date-time group, loose enough to catch damaged ones: digits
 * (six when well formed), a zone letter, a three-letter month and a year.
 * Groups: 1 digits, 2 zone, 3 month, 4 year, 5 suffix.
 */
const DTG_BODY = /(\d{4,8})([A-Z])?[ \t]+([A-Z]{3})[ \t]+(\d{2,4})(?![\d])(?:[ \t]+(ZFF-?\d|ZEX|ZDK|ZUI))?/y;
const PROSIGNS = /([A-Z])[ \t]+(?:([A-Z])[ \t]+)?/y;

/** Reads a year as printed: four digits as they are, two digits nearest `contextYear` or with the pivot 50. */
export function fullYear(yearText: string, contextYear?: number): number | undefined {
  if (!/^\d{2}(\d{2})?$/.test(yearText)) return undefined;
  const y = Number(yearText);
  if (yearText.length === 4) return y;
  if (contextYear !== undefined) {
    const century = Math.floor(contextYear / 100) * 100;
    const candidates = [century - 100 + y, century + y, century + 100 + y];
    return candidates.reduce((a, b) => (Math.abs(b - contextYear) < Math.abs(a - contextYear) ? b : a));
  }
  return y >= 50 ? 1900 + y : 2000 + y;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Reads a DTG at `from` in `line` (offsets relative to `base`), with up to
 * two precedence prosigns before it when `prosigns` is set.
 */
export function readDtg(line: string, from: number, base: number, prosigns: boolean, contextYear?: number): Dtg | undefined {
  let p = from;
  let ps: RegExpExecArray | null = null;
  if (prosigns) {
    PROSIGNS.lastIndex = p;
    ps = PROSIGNS.exec(line);
    if (!ps) return undefined;
    p += ps[0].length;
  }
  DTG_BODY.lastIndex = p;
  const m = DTG_BODY.exec(line);
  if (!m) return undefined;
  const signs: string[] = [];
  const signSpans: Span[] = [];
  if (ps) {
    signs.push(ps[1]);
    signSpans.push({ start: base + from, end: base + from + 1 });
    if (ps[2]) {
      const at = line.indexOf(ps[2], from + 1);
      signs.push(ps[2]);
      signSpans.push({ start: base + at, end: base + at + 1 });
    }
  }
  let digits = m[1];
  let zone = m[2] ?? '';
  let digitsEnd = p + digits.length;
  // OCR reads the zone letter Z as the digit 2.
  if (zone === '' && digits.length === 7 && digits.endsWith('2')) {
    zone = '2';
    digits = digits.slice(0, 6);
    digitsEnd = p + 6;
  }
  const month = MONTHS.indexOf(m[3]) + 1 || undefined;
  const monthStart = line.indexOf(m[3], digitsEnd + zone.length);
  const yearStart = line.indexOf(m[4], monthStart + 3);
  const six = digits.length === 6;
  const dtg: Dtg = {
    start: base + (signs.length ? from : p),
    end: base + p + m[0].length,
    text: '',
    prosigns: signs,
    prosignSpans: signSpans,
    digits,
    digitsSpan: { start: base + p, end: base + digitsEnd },
    day: six ? Number(digits.slice(0, 2)) : undefined,
    hour: six ? Number(digits.slice(2, 4)) : undefined,
    minute: six ? Number(digits.slice(4, 6)) : undefined,
    zone,
    monthText: m[3],
    monthSpan: { start: base + monthStart, end: base + monthStart + 3 },
    month,
    yearText: m[4],
    yearSpan: { start: base + yearStart, end: base + yearStart + m[4].length },
    year: fullYear(m[4], contextYear),
    suffix: m[5],
  };
  dtg.text = line.slice(dtg.start - base, dtg.end - base).replace(/\s+/g, ' ');
  return dtg;
}

/** Finds the first DTG anywhere in `line` from `from` (for `Date/DTG:` values, which put a readable date first). */
export function findDtg(line: string, from: number, base: number, contextYear?: number): Dtg | undefined {
  const re = /\d{4,8}[A-Z]?[ \t]+[A-Z]{3}[ \t]+\d{2,4}/g;
  re.lastIndex = from;
  const m = re.exec(line);
  return m ? readDtg(line, m.index, base, false, contextYear) : undefined;
}

/** Whether every part of a DTG is in range: the ISO date when it is, else undefined. */
export function dtgIso(d: Dtg): string | undefined {
  // OCR reads Z as 2; the time is still Zulu.
  if (d.digits.length !== 6 || (d.zone !== 'Z' && d.zone !== '2') || !d.month || d.year === undefined) return undefined;
  if (d.day === undefined || d.hour === undefined || d.minute === undefined) return undefined;
  if (d.day < 1 || d.day > daysInMonth(d.year, d.month) || d.hour > 23 || d.minute > 59) return undefined;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:00Z`;
}
