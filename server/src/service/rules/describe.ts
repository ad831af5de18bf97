/** Shared wording for rule messages. */
import type { CableDate, Level } from '../model';
import { PORTION_OF_LEVEL } from '../parser/levels';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `8 Apr 1994`, `Apr 1994` or `1994`, as much as the date shows. */
export function formatDate(d: Pick<CableDate, 'year' | 'month' | 'day'>): string {
  if (d.month === undefined) return String(d.year);
  if (d.day === undefined) return `${MONTHS[d.month - 1]} ${d.year}`;
  return `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** A level with its portion mark: `CONFIDENTIAL (C)`. */
export function levelWithMark(level: Level): string {
  return `${level} (${PORTION_OF_LEVEL[level]})`;
}

/** `A, B or C`. */
export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
