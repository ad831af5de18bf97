import type { Source } from '../text/source';
import type { ReferenceData } from '../data/reference';
import type { Addressee, Span } from '../model';

/**
 * A word in an addressee's precedence slot that is not a precedence: the
 * addressee has a serial but no precedence, and without its last word it is a
 * known post (`TO SECSTATE WASHDC URGENT 6354`). precedence-unknown reports the
 * word; post-unknown leaves the designation alone.
 */
export function misplacedPrecedence(a: Addressee, reference: ReferenceData, text: Source): { word: string; range: Span } | undefined {
  if (a.person || a.precedence.length > 0 || !a.serial || reference.post(a.designation)) return undefined;
  const m = /\s+([A-Z]+)$/.exec(a.designation);
  if (!m || !reference.post(a.designation.slice(0, m.index))) return undefined;
  const shown = text.slice(a.designationSpan.start, a.designationSpan.end);
  const at = shown.lastIndexOf(m[1]);
  if (at < 0) return undefined;
  return { word: m[1], range: { start: a.designationSpan.start + at, end: a.designationSpan.start + at + m[1].length } };
}
