import type { Cable, PortionMark } from '../model';

/** A portion mark and what it marks, for messages (`paragraph 3`, `the subject`). */
export interface MarkedPortion {
  mark: PortionMark;
  what: string;
}

/** Every portion mark of a cable: paragraphs, subparagraphs, the subject and the references. */
export function portionsOf(cable: Cable): MarkedPortion[] {
  const out: MarkedPortion[] = [];
  if (cable.subject?.portion) out.push({ mark: cable.subject.portion, what: 'the subject' });
  for (const r of cable.refs) if (r.portion) out.push({ mark: r.portion, what: r.letter ? `reference ${r.letter}` : 'the reference' });
  for (const p of cable.paragraphs) {
    const name = p.number !== undefined ? `paragraph ${p.number}` : 'an unnumbered paragraph';
    if (p.portion) out.push({ mark: p.portion, what: name });
    const walk = (subs: typeof p.subparagraphs) => {
      for (const s of subs) {
        if (s.portion) out.push({ mark: s.portion, what: `subparagraph ${s.label} of ${name}` });
        walk(s.subparagraphs);
      }
    };
    walk(p.subparagraphs);
  }
  return out;
}
