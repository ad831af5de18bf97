import { ocrDistance } from '../data/similar';
import type { Dtg } from '../model';
import { daysInMonth, MONTHS } from '../parser/dtg';
import { parseMessagingDate } from '../parser/fieldValues';
import { isDigits } from '../text/chars';
import type { Finding, Rule } from './types';

/** A date-time group with an impossible day, hour, minute or month, or the wrong shape. */
export const dtgInvalid: Rule = {
  id: 'dtg-invalid',
  description: 'A date-time group with an impossible day (for that month and year), hour, minute or month, or a wrong shape.',
  defaultSeverity: 'error',
  check({ cable }) {
    const out: Finding[] = [];
    const d = cable.dtg;
    if (d) out.push(...checkDtg(d));
    for (const ph of cable.pageHeaders) {
      // DDHHMMZ: six digits and Z.
      if (!ph.time || ph.time.length !== 7 || ph.time[6] !== 'Z' || !isDigits(ph.time.slice(0, 6), 6, 6)) continue;
      const [day, hour, minute] = [+ph.time.slice(0, 2), +ph.time.slice(2, 4), +ph.time.slice(4, 6)];
      if (day < 1 || day > 31 || hour > 23 || minute > 59) {
        const at = ph.end - ph.time!.length;
        out.push({ range: { start: at, end: ph.end }, message: `Page header time ${ph.time} is impossible: it is DDHHMMZ, with day 01-31, hour 00-23 and minute 00-59.` });
      }
    }
    // A messaging-system Date/DTG gives the date twice; they must agree.
    const md = cable.messagingDate && d && d.digits.length === 6 && d.day !== undefined ? parseMessagingDate(cable.messagingDate) : undefined;
    if (md && d && d.day !== md.day) {
      out.push({ range: d.digitsSpan, message: `The DTG's day ${String(d.day).padStart(2, '0')} disagrees with the date beside it (${cable.messagingDate}): one of them is wrong.` });
    }
    return out;
  },
};

function checkDtg(d: Dtg): Finding[] {
  const out: Finding[] = [];
  if (d.digits.length !== 6) {
    out.push({ range: d.digitsSpan, message: `The DTG '${d.text}' has ${d.digits.length} digits before the zone letter: a DTG is DDHHMMZ MON YY, six digits (day, hour, minute) then Z.` });
  } else {
    const day = d.day!;
    const hour = d.hour!;
    const minute = d.minute!;
    const digit = (k: number) => ({ start: d.digitsSpan.start + k, end: d.digitsSpan.start + k + 2 });
    if (d.month && d.year !== undefined && (day < 1 || day > daysInMonth(d.year, d.month))) {
      out.push({ range: digit(0), message: `Day ${String(day).padStart(2, '0')} does not exist in ${MONTHS[d.month - 1]} ${d.year}, which has ${daysInMonth(d.year, d.month)} days.` });
    } else if (day < 1 || day > 31) {
      out.push({ range: digit(0), message: `Day ${String(day).padStart(2, '0')} is impossible: a DTG's first two digits are the day, 01-31.` });
    }
    if (hour > 23) out.push({ range: digit(2), message: `Hour ${String(hour).padStart(2, '0')} is impossible: a DTG's hour is 00-23.` });
    if (minute > 59) out.push({ range: digit(4), message: `Minute ${String(minute).padStart(2, '0')} is impossible: a DTG's minute is 00-59.` });
  }
  // A group of the wrong length has no zone position to judge: that finding says it all.
  if (d.zone !== 'Z' && d.digits.length === 6) {
    if (d.zone) {
      const range = { start: d.digitsSpan.end, end: d.digitsSpan.end + d.zone.length };
      // A 2 is OCR's Z; another zone's time would have to be converted, not relabelled, so a letter gets no fix.
      const fixes = d.zone === '2' ? [{ title: 'Write Z', edits: [{ range, newText: 'Z' }], preferred: true }] : [];
      out.push({ range, message: `The DTG's zone letter is '${d.zone}': cables give the time in Zulu (UTC), written Z.`, fixes });
    } else {
      out.push({
        range: d.digitsSpan,
        message: 'The DTG has no zone letter: cables give the time in Zulu (UTC), written Z after the six digits.',
        fixes: [{ title: 'Add Z after the time', edits: [{ range: { start: d.digitsSpan.end, end: d.digitsSpan.end }, newText: 'Z' }], preferred: true }],
      });
    }
  }
  if (!d.month && d.monthSpan) {
    const near = MONTHS.filter((m) => ocrDistance(d.monthText!.toUpperCase(), m) <= 1);
    out.push({
      range: d.monthSpan,
      message: `'${d.monthText}' is not a month: write JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV or DEC.`,
      // MAX could be MAR or MAY: only a single month within one edit is certain.
      fixes: near.length === 1 ? [{ title: `Write ${near[0]}`, edits: [{ range: d.monthSpan, newText: near[0] }], preferred: true }] : [],
    });
  }
  return out;
}
