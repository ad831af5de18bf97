import { insertClassification } from '../fixes/classification';
import { lineSpanAt } from '../text/spans';
import { levelWithMark } from './describe';
import { highestPortionLevel } from './portions';
import type { Rule } from './types';

/** A cable with no overall classification marking at all. */
export const classificationMissing: Rule = {
  id: 'classification-missing',
  description: 'A cable with no overall classification marking.',
  defaultSeverity: 'error',
  check({ cable, text }) {
    if (cable.markings.some((m) => m.role !== 'caption')) return [];
    const highest = highestPortionLevel(cable);
    const advice = highest
      ? `its highest portion mark makes it ${levelWithMark(highest)}, so start it with a line reading ${highest}`
      : 'start it with a line giving the overall classification (UNCLASSIFIED, CONFIDENTIAL, SECRET...)';
    return [{ range: lineSpanAt(text, cable.start), message: `This cable has no classification marking: ${advice}.`, fixes: insertClassification(cable) }];
  },
};
