import { raiseClassification } from '../fixes/classification';
import { levelRank, PORTION_OF_LEVEL } from '../parser/levels';
import { portionsOf } from './portions';
import type { Rule } from './types';

/** A paragraph, subject or reference marked above the cable's overall classification. */
export const portionExceedsOverall: Rule = {
  id: 'portion-exceeds-overall',
  description: 'A paragraph, subject or ref portion mark above the overall classification.',
  defaultSeverity: 'error',
  check({ cable, text }) {
    const level = cable.level;
    if (!level) return [];
    const above = portionsOf(cable, (m) => m.level !== undefined && levelRank(m.level) > levelRank(level));
    if (above.length === 0) return [];
    const raise = raiseClassification(cable, text);
    return above
      .map((p) => ({
        range: p.mark,
        message: `${p.what[0].toUpperCase()}${p.what.slice(1)} is marked (${p.mark.text}), above the cable's overall ${level}: mark it (${PORTION_OF_LEVEL[level]}) or lower, or raise the overall classification to ${p.mark.level}.`,
        fixes: raise ? [raise] : [],
      }));
  },
};
