import { raiseClassification } from '../fixes/classification';
import type { Level, Marking } from '../model';
import { levelRank } from '../parser/levels';
import { highestPortionLevel, portionsOf } from './portions';
import type { Finding, Rule } from './types';

const ROLE_NAMES: Record<Marking['role'], string> = {
  top: 'the classification line',
  banner: 'a page banner',
  'text-header': 'the text header',
  closing: 'the closing classification line',
  statement: 'the classification statement',
  caption: 'the captions',
};

/** UNCLASSIFIED and SBU differ only in handling, and messaging-system copies print one as a banner and the other as a caption. */
function agree(a: Level, b: Level): boolean {
  if (a === b) return true;
  const lowish = (l: Level) => l === 'UNCLASSIFIED' || l === 'SENSITIVE BUT UNCLASSIFIED';
  return lowish(a) && lowish(b);
}

/** Markings that disagree with the overall classification, and an overall classification below a portion. */
export const classificationMismatch: Rule = {
  id: 'classification-mismatch',
  description: 'Banners, text header and closing line that disagree, or an overall classification lower than the highest portion mark.',
  defaultSeverity: 'error',
  check({ cable, text }) {
    const overall = cable.classification;
    if (!overall || !cable.level) return [];
    const out: (Finding & { raisable: boolean })[] = [];
    for (const m of cable.markings) {
      if (m === overall || m.role === 'caption' || agree(m.level, overall.level)) continue;
      out.push({
        range: m,
        message: `${capital(ROLE_NAMES[m.role])} says ${m.level} but ${ROLE_NAMES[overall.role]} says ${overall.level}: every marking of a cable shows its one overall classification.`,
        raisable: m.role !== 'statement',
      });
    }
    // The first of the highest portion marks, worded only when it is above the overall classification.
    const highest = highestPortionLevel(cable);
    const rank = highest ? levelRank(highest) : -1;
    const top = rank > levelRank(cable.level) ? portionsOf(cable, (m) => m.level !== undefined && levelRank(m.level) === rank)[0] : undefined;
    if (top) {
      out.push({
        range: overall,
        message: `The overall classification ${cable.level} is lower than the highest portion mark, (${top.mark.text}) on ${top.what}: mark the cable ${top.mark.level} or lower that portion.`,
        raisable: true,
      });
    }
    if (out.length === 0) return [];
    // Which way markings that disagree should go is certain only when a portion mark settles it: then they all rise to it.
    const raise = raiseClassification(cable, text);
    // Plain findings, not spread copies: each spread copy gets a hidden class of its own, which makes every read of findings slow.
    return out.map((f) => ({ range: f.range, message: f.message, fixes: raise && f.raisable ? [raise] : [] }));
  },
};

function capital(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

