import type { Cable } from '../model';

/** Whether the cable shows a header at all (E.O., TAGS, SUBJECT, MRN, text header, FM or DTG): rules about header fields stay silent on fragments without one. */
export function showsHeader(cable: Cable): boolean {
  return !!(cable.eo || cable.tags || cable.subject || cable.mrn || cable.textHeader || cable.from || cable.dtg);
}

/** E.O., TAGS and SUBJECT lines became mandatory on 1 March 1973 (1974 TAGS handbook). */
export function beforeTags(cable: Cable): boolean {
  const d = cable.date;
  if (!d) return false;
  return d.year < 1973 || (d.year === 1973 && (d.month ?? 12) < 3);
}
