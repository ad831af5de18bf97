import type { Cable, Paragraph, Subparagraph } from '../model';
import { earlierSections } from './sections';
import type { Finding, Rule } from './types';

/** Top-level paragraph numbers that repeat, skip, go backwards or do not start at 1; subparagraph labels out of sequence. */
export const paragraphNumbering: Rule = {
  id: 'paragraph-numbering',
  description: 'Top-level paragraph numbers that repeat, skip, go backwards or do not start at 1; subparagraph letters out of sequence.',
  defaultSeverity: 'warning',
  readsOtherCables: true,
  check({ cable, doc }) {
    const out: Finding[] = [];
    const numbered = numberedOf(cable);
    const start = firstNumber(cable, doc.cables);
    numbered.forEach((p, i) => {
      const prev = numbered[i - 1];
      if (!prev) {
        if (start.expected !== undefined && p.number !== start.expected) out.push({ range: p.numberSpan, message: `Paragraph numbering starts at ${p.number}: ${start.why}.` });
        return;
      }
      if (p.number === prev.number + 1) return;
      const message =
        p.number === prev.number
          ? `Paragraph ${p.number} repeats the number of the paragraph before it: this one should be ${prev.number + 1}.`
          : p.number < prev.number
            ? `Paragraph ${p.number} goes backwards after paragraph ${prev.number}: this one should be ${prev.number + 1}.`
            : `Paragraph numbering skips from ${prev.number} to ${p.number}: this one should be ${prev.number + 1}.`;
      out.push({ range: p.numberSpan, message });
    });
    for (const p of cable.paragraphs) out.push(...subSequence(p.subparagraphs, p.number));
    return out;
  },
};

function ordinal(s: Subparagraph): number {
  const core = s.label.replace(/[()]/g, '');
  return s.style === 'number' ? Number(core) : core.toUpperCase().charCodeAt(0) - 64;
}

function labelFor(s: Subparagraph, n: number): string {
  const core = s.style === 'number' ? String(n) : String.fromCharCode(64 + n);
  return s.label.startsWith('(') ? `(${core})` : s.label.endsWith(')') ? `${core})` : core;
}

type Numbered = Paragraph & { number: number; numberSpan: NonNullable<Paragraph['numberSpan']> };

function numberedOf(cable: Cable): Numbered[] {
  return cable.paragraphs.filter((p): p is Numbered => p.number !== undefined && p.numberSpan !== undefined);
}

/**
 * Where numbering should start: at 1, except in section 2 and later of a
 * multi-section telegram, which carries on from the section before it (when
 * that section is in the same file) or is not judged at all.
 */
function firstNumber(cable: Cable, all: readonly Cable[]): { expected: number | undefined; why: string } {
  const sec = cable.section;
  if (!sec || sec.part <= 1) return { expected: 1, why: 'the first numbered paragraph is 1' };
  const before = earlierSections(cable, all).filter((c) => c.section!.part === sec.part - 1).pop();
  const last = before ? numberedOf(before).pop() : undefined;
  if (!last) return { expected: undefined, why: '' };
  return { expected: last.number + 1, why: `section ${sec.part} carries on from section ${sec.part - 1}, which ended at paragraph ${last.number}, so this one should be ${last.number + 1}` };
}

/** Each level of subparagraphs (letters, numbers, numbers under a letter) runs from 1 (A) in steps of one. */
function subSequence(subs: Subparagraph[], paraNumber: number | undefined, parent?: Subparagraph): Finding[] {
  const out: Finding[] = [];
  const where = parent ? ` of subparagraph ${parent.label}` : paraNumber !== undefined ? ` of paragraph ${paraNumber}` : '';
  for (const style of ['letter', 'number'] as const) {
    const list = subs.filter((s) => s.style === style);
    list.forEach((s, i) => {
      const want = i === 0 ? 1 : ordinal(list[i - 1]) + 1;
      if (ordinal(s) !== want) {
        out.push({ range: s.labelSpan, message: `Subparagraph ${s.label}${where} is out of sequence: this one should be ${labelFor(s, want)}.` });
      }
    });
  }
  for (const s of subs) if (s.subparagraphs.length) out.push(...subSequence(s.subparagraphs, paraNumber, s));
  return out;
}
