import { PORTION_OF_LEVEL } from '../parser/levels';
import type { Finding, Rule } from './types';

/** In a cable that portion-marks its paragraphs, a numbered paragraph without a mark (or with one that names no level). */
export const portionMarkingMissing: Rule = {
  id: 'portion-marking-missing',
  description: 'In a cable that uses portion marks, a numbered paragraph without one.',
  defaultSeverity: 'warning',
  check({ cable }) {
    const numbered = cable.paragraphs.filter((p) => p.number !== undefined);
    if (!numbered.some((p) => p.portion)) return [];
    const example = cable.level ? `(${PORTION_OF_LEVEL[cable.level]})` : '(U)';
    const out: Finding[] = [];
    for (const p of numbered) {
      if (!p.portion) {
        out.push({
          range: p.numberSpan ?? p,
          message: `Paragraph ${p.number} has no portion mark, though other paragraphs of this cable are marked: add one after the number, e.g. '${p.number}. ${example}'.`,
        });
      } else if (!p.portion.level) {
        out.push({
          range: p.portion,
          message: `Paragraph ${p.number}'s portion mark (${p.portion.text}) names no classification level: use (U), (SBU), (C), (S) or (TS).`,
        });
      }
    }
    return out;
  },
};
