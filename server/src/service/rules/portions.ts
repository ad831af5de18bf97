import type { Cable, Level, Paragraph, PortionMark, Subparagraph } from '../model';
import { levelRank } from '../parser/levels';

/** A portion mark and what it marks, for messages (`paragraph 3`, `the subject`). */
export interface MarkedPortion {
  mark: PortionMark;
  what: string;
}

/**
 * Every portion mark of a cable that `keep` keeps (all by default): the
 * subject, the references, then each paragraph and its subparagraphs. What a
 * mark marks is worded only for the marks kept, since most are not.
 */
export function portionsOf(cable: Cable, keep: (mark: PortionMark) => boolean = () => true): MarkedPortion[] {
  const out: MarkedPortion[] = [];
  if (cable.subject?.portion && keep(cable.subject.portion)) out.push({ mark: cable.subject.portion, what: 'the subject' });
  for (const r of cable.refs) if (r.portion && keep(r.portion)) out.push({ mark: r.portion, what: r.letter ? `reference ${r.letter}` : 'the reference' });
  for (const p of cable.paragraphs) {
    if (p.portion && keep(p.portion)) out.push({ mark: p.portion, what: paragraphName(p) });
    if (p.subparagraphs.length) subparagraphPortions(out, p, p.subparagraphs, keep);
  }
  return out;
}

function paragraphName(p: Paragraph): string {
  return p.number !== undefined ? `paragraph ${p.number}` : 'an unnumbered paragraph';
}

/** The marks of `subs` (in paragraph `p`) and of their subparagraphs that `keep` keeps, added to `out`. */
function subparagraphPortions(out: MarkedPortion[], p: Paragraph, subs: Subparagraph[], keep: (mark: PortionMark) => boolean): void {
  for (const s of subs) {
    if (s.portion && keep(s.portion)) out.push({ mark: s.portion, what: `subparagraph ${s.label} of ${paragraphName(p)}` });
    subparagraphPortions(out, p, s.subparagraphs, keep);
  }
}

/** The level of a cable's highest portion mark (the first of that rank: SBU and LOU share one), if any mark names a level. */
export function highestPortionLevel(cable: Cable): Level | undefined {
  let top = higher(undefined, cable.subject?.portion);
  for (const r of cable.refs) top = higher(top, r.portion);
  for (const p of cable.paragraphs) top = highestOf(higher(top, p.portion), p.subparagraphs);
  return top;
}

function highestOf(top: Level | undefined, subs: Subparagraph[]): Level | undefined {
  for (const s of subs) top = highestOf(higher(top, s.portion), s.subparagraphs);
  return top;
}

/** `mark`'s level when it is above `top`, else `top`. */
function higher(top: Level | undefined, mark: PortionMark | undefined): Level | undefined {
  const l = mark?.level;
  return l && (!top || levelRank(l) > levelRank(top)) ? l : top;
}
